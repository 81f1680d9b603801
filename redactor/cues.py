"""The one home of the words news copy uses around names.

Offices that make someone public, descriptions that could go either way, the words for the
private people a story is about and what happens to them, news agencies and credit words,
honorifics, months, and the words that are never part of a name. Detection uses them to
trim and grow name spans, the evidence scorer (``evidence.py``) to weigh a suggestion, and
the second reading to tell a name word from a title beside a replacement. Plain data:
importing it costs nothing, so the desktop app can use it before the engine has loaded
(spaCy's stop words come in on first use).
"""

import functools


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


def alternation(words: frozenset[str] | tuple[str, ...]) -> str:
    """A regular-expression alternation of ``words``, longest first, special characters escaped."""
    import re

    return "(?:" + "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)) + ")"


# Offices and positions that make a person a public figure when they stand next to the name.
PUBLIC_OFFICES = _words("""
moderator
president president-elect vice-president premier chancellor minister ministers secretary
senator sen rep representative congressman congresswoman lawmaker legislator governor gov
mayor councillor councilman councilwoman deputy speaker ambassador envoy diplomat
commissioner chief head chair chairman chairwoman chairperson director executive ceo cfo
owner manager king queen prince princess emperor pope bishop archbishop cardinal imam rabbi
cleric judge justice prosecutor prosecutors attorney-general general gen admiral colonel col
commander marshal sheriff superintendent inspector spokesman spokeswoman spokesperson
spokespeople official officials analyst analysts expert economist researcher scientist
professor historian author novelist editor columnist anchor host presenter commentator
director actor actress star coach player quarterback captain pianist dictator strongman
monarch laureate investor entrepreneur billionaire tycoon mp mps magistrate ombudsman
ayatollah mufti sheikh grand-ayatollah patriarch metropolitan rector dean
insp lt sgt capt maj cpl pvt supt cmdr adm brig det gov sen rep supt
""")
# Words that make a longer title of the one after them, written with a capital: "Chief
# Justice", "Vice President", "Deputy Minister". After one, a title that is also a given
# name stays the title ("Chief Justice Roberts"); after a title of its own it is the name
# ("President Justice Long").
TITLE_MODIFIERS = _words("chief deputy vice associate assistant acting lord senior principal first")
# Descriptions that fit a public figure and a person at risk alike: an activist may lead a
# movement or be its newest recruit. Redaction is suggested, with a reason that asks the
# editor to confirm.
AMBIGUOUS_ROLES = _words("""
counsel activist activists dissident dissidents lawyer lawyers attorney attorneys member members
leader leaders organiser organisers organizer organizers founder co-founder coordinator
coordinators journalist journalists reporter reporters correspondent blogger bloggers
campaigner campaigners advocate advocates volunteer volunteers candidate nominee writer
filmmaker artist musician singer rapper poet photographer photojournalist unionist
""")
# The relatives whose names tie back to a person: "her son Reynaldo", "his sister Saule".
RELATIVES = _words("""
mother father son daughter sister brother wife husband widow widower uncle aunt cousin
grandmother grandfather grandson granddaughter nephew niece fiancee fiance stepson stepdaughter
""")
# Family and friends: "her sister Saule"; "his lawyer" is not here (see AMBIGUOUS_ROLES).
KIN = RELATIVES | _words("""
girlfriend boyfriend friend neighbor neighbour colleague classmate partner roommate flatmate
housemate
""")
# Words that mark a private person: a relative, a bystander, a participant in a protest.
PRIVATE_ROLES = KIN | _words("""
juror jurors interpreter clerk
protester protesters protestor protestors demonstrator demonstrators marcher marchers
striker strikers worker workers resident residents student students villager villagers
witness witnesses victim victims survivor survivors relative relatives detainee detainees
prisoner prisoners inmate inmates refugee migrant teenager teen boy boys girl girls child children
man woman
shopkeeper vendor driver passenger patient nurse participant bystander citizen voter
defendant defendants accused mourner mourners farmer miner miners teacher worshipper
""")
# What happens to people at risk, said of them: "X was detained", "the arrest of X".
HARM_VERBS = _words("""
detained arrested jailed imprisoned held beaten tortured killed shot wounded injured abducted
kidnapped disappeared missing sentenced convicted charged prosecuted fined deported released
freed bailed hospitalised hospitalized died murdered raped assaulted harassed threatened
interrogated questioned summoned expelled fired evicted exiled blinded blindfolded handcuffed
taken searched raided attacked
""")
HARM_NOUNS = _words("""
arrest detention death killing murder trial funeral release abduction disappearance shooting
beating torture imprisonment sentencing conviction blinding
""")
# News agencies and outlets, as they stand in credits ("AP Photo/", "/AFP") and in "told AP".
AGENCIES = ("AP", "AFP", "EPA", "Reuters", "Getty Images", "Getty", "Xinhua", "ANP", "dpa",
            "Bloomberg", "Sputnik", "TASS", "Anadolu", "UPI", "AA", "RFE/RL", "the BBC", "BBC",
            "CNN", "NPR", "the Associated Press", "The Associated Press", "Associated Press")
# Labels that credit the person named before them in a transcript: "NOEL KING, HOST:".
CREDIT_LABELS = _words("host byline anchor correspondent reporter")

# Common Chinese, Korean and Vietnamese family names, romanised: a three-part name of short
# words or a two-part name with a hyphenated given name starting with one ("Lam Yik Fei",
# "Kim Ji-woo", "Nguyen Thi Hoa") puts the family name first.
FAMILY_FIRST = _words("""
kim park choi jung jeong kang cho yoon jang lim oh seo shin kwon hwang ahn yoo hong jeon
ko moon son bae baek heo nam ryu
nguyen tran pham hoang huynh phan vu vo dang bui ngo duong trinh dinh truong ha ly doan luu
mai quach trieu vuong thai kieu
au chan chau cheng cheung chiu chow choi chong chu chung fung ho hui hung ip kwan kwok kwong
lai lam lau law lee leung li liu lo lui lum mak man mok ng poon siu so tam tang tong tsang tse
tsui wan wong wu yau yeung yip yu yuen zhang wang chen yang huang zhao zhou xu sun ma zhu hu guo
he gao lin luo zheng liang xie song han feng deng cao peng zeng xiao tian dong pan yuan cai jiang
du ye cheng wei su lu ding ren shen yao jin
""")

# How family names end in the traditions whose surnames English copy prints without
# introduction ("on the eve of the visit to Tulegenov"): Russian and Central Asian,
# Ukrainian, Polish and Czech, South Slavic, Georgian, Armenian, Greek, Turkish, Finnish,
# Nordic, Persian. A word the model's vocabulary does not know that ends so is shaped like
# a family name, however the model reads it (a place, mostly).
FAMILY_ENDINGS = ("ov", "ova", "ev", "eva", "yev", "yeva", "enko", "chuk", "yuk", "ski", "ska", "sky",
                  "skaya", "wicz", "vich", "czyk", "vić", "vic", "ić", "dze", "shvili", "vili", "yan",
                  "opoulos", "akis", "idis", "oglu", "oğlu", "nen", "sson", "zadeh", "enka", "escu",
                  "eanu", "auskas", "aitis")
# An age written out, as AP writes one opening a sentence: "Eighteen-year-old", "twenty-two".
_UNITS = "one|two|three|four|five|six|seven|eight|nine"
SPELLED_AGE = (rf"(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:-(?:{_UNITS}))?|ten|eleven|"
               rf"twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|{_UNITS})")
# The words that introduce a person by first name only, as stories do for people at risk
# ("a protester whose first name is Bezshan"): a regular-expression alternation. Only these
# show that a lone name is a first name; "identified as", "known as" name a private person
# without saying which part of the name is given (``IDENTIFIED_CUES``).
FIRST_NAME_CUES = (r"first name is|first name,|named|gave (?:only )?(?:his|her|their) (?:first )?"
                   r"name(?: as)?,?|(?:asked to be )?identified (?:only )?by (?:his|her|their) "
                   r"first name,?")
IDENTIFIED_CUES = r"identified (?:only )?as|known (?:only )?as|called"
# The same said after the name, in the sentence that names the person: "Ece, a 22-year-old
# activist who declined to give her last name", "Deniz, who asked that her surname not be
# published".
FIRST_NAME_AFTER = (r"(?:declined|refused|did not want|didn't want) to (?:give|share|provide|use) (?:his|her|their) "
                    r"(?:last name|family name|surname|full name)"
                    r"|asked that (?:his|her|their) (?:last name|family name|surname|full name) not be "
                    r"(?:used|published|given|printed)|gave only (?:his|her|their) first name")

# Lower-case words inside names: "Abu Bakr al-Tamimi", "Maria de la Cruz", "Pieter van der Berg".
PARTICLES = frozenset({"al", "el", "bin", "ibn", "bint", "van", "von", "de", "da", "di", "du", "la",
                       "le", "del", "der", "den", "dos", "das", "do", "ter", "ten", "y", "los", "las",
                       "della", "zu"})
# The second particle of a pair ("de la", "van der"): one misspelt ("de lo Cruz") is still one.
# Given names cut short before the rest of a name: "Md. Rafiqul Islam" (Bangladesh), "Mohd.
# Azmi" (Malaysia).
GIVEN_ABBREVIATIONS = frozenset({"md", "mohd", "muhd", "mohamad", "moh"})
# Words written small that close a Central Asian or Azerbaijani name: "daughter of" or "son
# of" the father named before them ("Mahabat Tazhibek kyzy", "Nurlan Bakyt uulu", "Ali oglu").
PATRONYMIC_WORDS = frozenset({"kyzy", "uulu", "qizi", "kizi", "qyzy", "uly", "ogly", "oglu", "oğlu"})
INNER_PARTICLES = frozenset({"la", "las", "los", "le", "der", "den"})
# Words that open an Arabic name unit ("Abd El-Fattah", "Abu Bakr"): alone they are no given
# name, and the whole unit may be the family name.
NAME_UNIT_PREFIXES = frozenset({"abd", "abdel", "abdul", "abu", "umm", "ibn", "bint"})
# Prepositions after which a lone capitalised word is a place ("in Zhanaozen"), and the
# wider set after which a word known as a place is one ("from Georgia", "to Kenya").
PLACE_PREPOSITIONS = frozenset({"in", "near", "outside", "across", "around", "throughout", "inside"})
LOCATIVES = PLACE_PREPOSITIONS | {"from", "to", "into", "toward", "towards", "via", "at"}
# Words that put a month or a day after them: "in May", "on Sunday", "since June".
TEMPORAL = frozenset({"in", "on", "since", "until", "till", "by", "last", "next", "early", "late",
                      "mid", "of", "from", "through", "during", "before", "after", "this", "every",
                      "each", "that", "same", "every"})
# Words of a transcript label that names no one: "UNIDENTIFIED MALE:", "CROWD:", "SINGERS:".
UNNAMED_SPEAKERS = _words("""
unidentified unknown unnamed anonymous male female man woman boy girl crowd crowds voice voices
singer singers group chorus audience protester protesters demonstrators chanting
""")
# Verbs of speaking: what follows a speaker's name ("Minh Nampa says", "Arnon Nampa shouts").
# What only people do, as a caption says it: "Min Win joins several hundred demonstrators".
PERSON_ACTS = _words("""
joins joined weeps wept cries cried kneels knelt prays prayed chants chanted shouts shouted
marches marched mourns mourned hugs hugged kisses kissed waves waved screams screamed smiles
smiled sings sang dances danced sits sat stands stood
""")
SPEECH_VERBS = _words("""
say says said tell tells told add adds added recall recalls recalled shout shouts shouted ask
asks asked explain explains explained insist insists insisted write writes wrote
""")
HONORIFICS = frozenset({"mr", "mrs", "ms", "miss", "dr", "prof", "sir", "dame", "mx", "messrs"})
MONTHS_AND_DAYS = _words("""
january february march april may june july august september october november december jan feb
mar apr jun jul aug sep sept oct nov dec monday tuesday wednesday thursday friday saturday sunday
""")
# Any word that describes a person by role: never part of the name it stands beside.
ROLE_WORDS = PUBLIC_OFFICES | AMBIGUOUS_ROLES | PRIVATE_ROLES
# Roles a country, a company or a group holds as well as a person: "Poland, a member of
# NATO", "Kenya, the host of the summit", "Reuters, a witness to it".
GROUP_ROLES = _words("""
member members partner host owner leader leaders head founder co-founder investor candidate
nominee witness witnesses victim victims survivor survivors advocate advocates executive star
player participant citizen resident residents
""")
# The roles that only a person holds, in the singular: "Zlata Drozdova, a spokesperson for
# the union" is a person however the model reads an unfamiliar name.
PERSON_ROLES = frozenset(word for word in ROLE_WORDS - GROUP_ROLES
                         if not (word.endswith("s") and word[:-1] in ROLE_WORDS)
                         and word not in {"children", "spokespeople"})


@functools.cache
def not_name_words() -> frozenset[str]:
    """Words that are never part of a person's name, wherever they stand next to one."""
    from spacy.lang.en.stop_words import STOP_WORDS

    return frozenset(set(STOP_WORDS) | ROLE_WORDS | MONTHS_AND_DAYS | HONORIFICS | NEVER_IN_NAMES
                     | MESSENGERS | {"court", "said", "says", "told"})


# Words that are no part of a name even right after one ("Estmark Police", "Reuters Photo"),
# unlike a capitalised sentence word that may end a name ("Edward Said", "Margaret Court").
NEVER_IN_NAMES = CREDIT_LABELS | HARM_NOUNS | frozenset({"police", "defense", "defence", "according",
                                                         "photo", "via", "show", "podcast"})
# ("The Kyaw Htun Show"; "Testimony Gets Underway in Farhana Patel Trial")


# Contact details and what stands around them (``recognizers/contacts.py``, ``details.py``).
# Messengers and networks whose usernames reach a person: "on Telegram as bezshan_88".
MESSENGERS = _words("""
telegram signal whatsapp viber instagram twitter tiktok facebook vk threads bluesky snapchat
wechat skype discord mastodon
""")
# Words that name a way to reach someone: "his number", "her e-mail", "reached at".
CONTACT_WORDS = _words("""
number numbers phone telephone mobile cell cellphone landline e-mail email mail address handle
account username nickname profile page channel
""") | MESSENGERS
CONTACT_CUES = (r"reached (?:him |her |them )?(?:at|on|by|via)|contacted (?:at|on|via|by)|can be "
                r"(?:reached|contacted)|(?:call|text|message|write to|e-?mail)(?:ed)? "
                r"(?:him|her|them) (?:at|on)")
# A word for a street: "12 Abay Street", "ul. Zheltoksan 45", "Rue de la Paix 7".
STREET_WORDS = ("Street", "St.", "Str.", "Avenue", "Ave.", "Road", "Rd.", "Boulevard", "Blvd.",
                "Lane", "Drive", "Prospekt", "Prospect", "Highway", "Alley", "Terrace", "Square",
                "Embankment", "Microdistrict", "Ulitsa", "Strasse", "Straße", "Crescent", "Close")
STREET_BEFORE = ("ul.", "ulitsa", "pr.", "prospekt", "rue", "calle", "avenida", "av.", "rua", "via",
                 "mkr.", "microdistrict", "boulevard", "avenue")
# Words that put an identity number after them: "passport number N1234567", "ID card 0451...".
ID_CUES = (r"passport(?: number| no\.?| #)?|(?:national )?ID(?: card)?(?: number| no\.?| #)?|identity "
           r"(?:card|number|document)(?: number| no\.?)?|identification number|social security number|"
           r"driver'?s licen[cs]e(?: number| no\.?)?|driving licen[cs]e(?: number| no\.?)?|"
           r"residence permit(?: number| no\.?)?|personal (?:code|number)|IIN|BIN")
PLATE_CUES = (r"(?:licen[cs]e|number|registration) plates?(?: number| reading| read)?|plate number|"
              r"plates? (?:reading|read|numbered)|registration number")

# What can identify a person at risk besides the name (``identifying.py``).
# Occupations: in a small town a job can be enough to find someone. Generic descriptions
# ("student", "worker", "protester") are not here: they find nobody.
JOBS = _words("""
baker butcher cook chef waiter waitress cashier barber hairdresser tailor seamstress cleaner
janitor guard watchman plumber electrician welder mechanic carpenter builder bricklayer
labourer laborer porter courier driver trucker pilot sailor fisherman herder shepherd miner
oilworker steelworker nurse midwife doctor physician surgeon dentist pharmacist paramedic teacher
lecturer tutor librarian accountant engineer programmer developer designer architect clerk
secretary salesman saleswoman shopkeeper vendor trader merchant seller priest pastor nun monk
policeman policewoman firefighter translator interpreter photographer blogger cameraman
""")
# Words for a place small enough to find a person in: "the Medeu district", "the village of X".
SMALL_PLACES = _words("""
district village neighbourhood neighborhood quarter settlement microdistrict suburb township
hamlet town estate compound mahalla aul kishlak camp street avenue road lane
""")
# Words for a workplace after "at": "a nurse at the Central Hospital", "works at the Tengiz field".
WORKPLACES = _words("""
plant factory mill mine hospital clinic school university college academy institute company
firm bank market bazaar bakery shop store cafe restaurant hotel farm office warehouse depot
station port refinery field oilfield newspaper agency embassy mosque church prison kindergarten
""")
