"""The one home of the words news copy uses around names.

Offices that make someone public, the words for the private people a story is about,
honorifics, months, and the words that are never part of a name. Detection uses them to
trim and grow name spans, suggestions to weigh evidence, and the second reading to tell a
name word from a title beside a replacement. Plain data: importing it costs nothing, so the
desktop app can use it before the engine has loaded (spaCy's stop words come in on first use).
"""

import functools

# Offices and roles that make a person a public figure when they stand next to the name.
PUBLIC_ROLES = set("""
president president-elect vice-president premier chancellor minister ministers secretary
senator sen rep representative congressman congresswoman lawmaker legislator governor gov
mayor councillor councilman councilwoman deputy speaker ambassador envoy diplomat
commissioner chief head chair chairman chairwoman chairperson director executive ceo cfo
founder co-founder owner manager coordinator leader leaders king queen prince princess
emperor pope bishop archbishop cardinal imam rabbi cleric judge justice prosecutor
attorney-general general gen admiral colonel col commander marshal sheriff superintendent
inspector spokesman spokeswoman spokesperson spokespeople representative official officials
analyst analysts expert economist researcher scientist professor historian author writer
novelist journalist reporter correspondent editor columnist anchor host presenter commentator
photographer filmmaker director artist musician singer rapper actor actress star coach
player quarterback captain pianist dictator strongman monarch laureate candidate
nominee activist dissident investor entrepreneur billionaire tycoon lawyer member members
""".split())
# Words that mark a private person: a relative, a bystander, a participant in a protest.
PRIVATE_ROLES = set("""
protester protesters protestor demonstrator demonstrators marcher marchers striker strikers
worker workers resident residents student students villager villagers neighbor neighbour
witness witnesses victim victims survivor relative relatives mother father son daughter
sister brother wife husband widow widower uncle aunt cousin grandmother grandfather
grandson granddaughter nephew niece girlfriend boyfriend fiancee fiance friend colleague
detainee prisoner refugee migrant teenager teen boy girl child man woman shopkeeper
vendor driver passenger patient nurse participant bystander citizen voter
""".split())

# Common Chinese family names as romanised in Hong Kong, Taiwan and the mainland: a
# three-part name starting with one ("Lam Yik Fei") puts the family name first.
FAMILY_FIRST = set("""
au chan chau cheng cheung chiu chow choi chong chu chung fung ho hui hung ip kwan kwok kwong
lai lam lau law lee leung li liu lo lui lum mak man mok ng poon siu so tam tang tong tsang tse
tsui wan wong wu yau yeung yip yu yuen zhang wang chen yang huang zhao zhou xu sun ma zhu hu guo
he gao lin luo zheng liang xie song han feng deng cao peng zeng xiao tian dong pan yuan cai jiang
du ye cheng wei su lu ding ren shen yao jin
""".split())

# The words that introduce a person by first name only, as stories do for people at risk
# ("a protester whose first name is Bezshan"): a regular-expression alternation.
FIRST_NAME_CUES = (r"first name is|first name,|named|identified (?:only )?as|known (?:only )?as|"
                   r"gave (?:only )?(?:his|her|their) (?:first )?name(?: as)?,?|asked to be "
                   r"identified (?:only )?by (?:his|her|their) first name,?")

HONORIFICS = {"mr", "mrs", "ms", "miss", "dr", "prof", "sir", "dame", "mx", "messrs"}
MONTHS_AND_DAYS = {"january", "february", "march", "april", "may", "june", "july", "august",
                   "september", "october", "november", "december", "jan", "feb", "mar", "apr",
                   "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "monday", "tuesday",
                   "wednesday", "thursday", "friday", "saturday", "sunday"}


@functools.cache
def not_name_words() -> frozenset[str]:
    """Words that are never part of a person's name, wherever they stand next to one."""
    from spacy.lang.en.stop_words import STOP_WORDS

    return frozenset(set(STOP_WORDS) | PUBLIC_ROLES | PRIVATE_ROLES | MONTHS_AND_DAYS | HONORIFICS
                     | {"police", "said", "says", "told", "according", "photo", "via"})
