"""Recall by name shape: each class of miss issue 12 lists, on sentences written for this test
with invented names from many traditions, and the false positives it lists.

A name counts as found when every character of it is inside a mention of some person (in
either tier: possible names are shown to the editor too), as the shared scorer counts it.
"""

from __future__ import annotations

import re

import pytest

from redactor.decisions import Decisions
from redactor.documents import read_document

pytestmark = pytest.mark.model

LEAD = "Crowds gathered outside the court again on Saturday.\n\n"

# (class, sentence, the names in it that must be found)
FOUND = [
    ("full names the model does not know",
     "Relatives marched over the shooting of Tavon Reddicks and Keenan Oduya last spring.",
     ["Tavon Reddicks", "Keenan Oduya"]),
    ("a given name before a found surname",
     "Bakhytzhan Oralbekov told The Associated Press the police came at dawn. "
     "Oralbekov, 29, was released the next day.", ["Bakhytzhan Oralbekov", "Oralbekov"]),
    ("a surname never introduced",
     "Police dispersed the crowd with tear gas. Tsertsvadze said she saw two men beaten.",
     ["Tsertsvadze"]),
    ("a comma list of detainees",
     "Those held include Chukwuemeka Obiora Nnadi, Adebisi Folarin Ogunwale and Temitope, "
     "lawyers said.", ["Chukwuemeka Obiora Nnadi", "Adebisi Folarin Ogunwale", "Temitope"]),
    ("family name first in capitals",
     "Student leader CHEUNG Wai-lam and his classmate YIP Hoi-ting were charged.",
     ["CHEUNG Wai-lam", "YIP Hoi-ting"]),
    ("a name in Chinese characters",
     "The organiser, Kwan Siu-ming (關兆明), was taken away by police.", ["Kwan Siu-ming", "關兆明"]),
    ("particles",
     "Witnesses Lucía de los Santos, Karim al-Jabouri, Hamad bin Saeed and Joost van den Broek "
     "described the charge.",
     ["Lucía de los Santos", "Karim al-Jabouri", "Hamad bin Saeed", "Joost van den Broek"]),
    ("initials with a surname",
     "A complaint was filed by R. Tembakazi and by J. Alph. Murrow, both residents.",
     ["R. Tembakazi", "J. Alph. Murrow"]),
    ("a lower-case repeat",
     "Teacher Eter Gvaramia, 44, was detained. Supporters chanted for gvaramia outside.",
     ["Eter Gvaramia", "gvaramia"]),
    ("names that are common words",
     "Protesters Joy Mason and Faith Baker, both 22, were held overnight.",
     ["Joy Mason", "Faith Baker"]),
    ("a given name that is also a function word",
     "The victims were represented by the lawyers Will Gatsby, Ilse Brandauer and Tomas Vik.",
     ["Will Gatsby"]),
    ("a list of names the model takes for organisations",
     "The panel includes Ilse Brandauer, Phyo Win and Dariga Nurpeisova. The staff includes "
     "Marta Kowalczyk, Kanat Ibrayev, Aye Aye and Hana Novak.", ["Phyo Win", "Aye Aye"]),
    ("the credit closing a title line",
     "Books this week:\nA River in the Dark by Somchai Nampa\nThe Quiet Village by Win Tun\n",
     ["Somchai Nampa", "Win Tun"]),
    ("a first name that reads as a title",
     "A protester named Justice told AP the police had lied to the families.", ["Justice"]),
    ("a name the model takes for an organisation, then 'who'",
     "People gathered on the day of the commemoration of Somchai Nampa, who had been killed by "
     "security officials.", ["Somchai Nampa"]),
    ("a surname that is also a particle, as a speaker label",
     "COUNSEL: Where were you that night?\n\nLE: At the corner, by the shop.\n\n"
     "COUNSEL: And then?\n\nLE: I went home.", ["LE"]),
    ("a surname that is a role word, as a speaker label",
     "COUNSEL: Where were you?\n\nKING: At the gate.\n\nCOUNSEL: And then?\n\nKING: I left.",
     ["KING"]),
    ("a name set off after a role, read as a place by the model",
     "The uprising toppled its longtime autocratic leader, Aizada Abdurakhmanova, in April.",
     ["Aizada Abdurakhmanova"]),  # a name of the shared names list: the model reads it as a place
    ("a web by-line with a bar and no 'By'",
     "Protesters return to the square\nMithila Sarker| The Daily Star\nCrowds gathered again.",
     ["Mithila Sarker"]),
    ("a one-word list item the model reads as a place",
     "In central Khartoum we often see two boys, María José and Dilnoza, waving a small flag.",
     ["Dilnoza"]),  # names of the shared names list: the model reads "Dilnoza" as a place
    ("a name as a speaker's whole answer",
     "HOST: Her father was a doctor and an activist called...\n\nKAMAU: Mohamed Mona el-Shazly.\n\n"
     "HOST: In 1976 he was taken away.\n\nKAMAU: Yes.", ["Mohamed Mona el-Shazly"]),
    ("a given name that is also a title, in a frame for private people",
     "Kanat Aibekov, 33, and Justice Amara Okafor, 29, also received five years in prison.",
     ["Justice Amara Okafor"]),
    ("a given name that is a day, in a credit",
     "This episode was produced by Sunday Adeleke and Marta Quiroga.", ["Sunday Adeleke"]),
    ("a middle name written small",
     "Women recite poetry on top of cars. Tomiris zhanel Abenova, a DJ, looks around in wonder.",
     ["Tomiris zhanel Abenova"]),
    ("a name after a role and 'is'",
     "The director of the network's audio desk is Parit Khemthong. Our senior engineer is "
     "Arnon Sirisuk, with additional mixing by Anke Voss.", ["Parit Khemthong", "Arnon Sirisuk"]),
    ("a given name that is a function word, in a credit label",
     "WILL HADLEY, HOST:\nProtesters gathered.\n\nWILL HADLEY, HOST: The crowd left.", ["WILL HADLEY"]),
    ("a first name after 'meet'",
     "The stairwell climbs 13 floors. Halfway up, I meet Sanjay from the south of Iraq.", ["Sanjay"]),
    ("an age in brackets or before the name",
     "His friend called him, but Justice Amadi (50) answered. Relatives of 19-year-old Parit Minh "
     "Sithijirawattanakul bid him farewell.", ["Justice Amadi", "Parit Minh Sithijirawattanakul"]),
    ("a middle name written small that is also a word",
     "Women recite poetry on top of cars. Thanh quang Nguyenova, a DJ, looks around in wonder.",
     ["Thanh quang Nguyenova"]),
    ("a name after 'the case of'",
     "The sentence is similar to what the policeman in the case of Phyo Thwe in Almaty received.",
     ["Phyo Thwe"]),
    ("a name after a kin word with an age",
     "Rezaei, 38, cries while hugging a photo of her 18-year-old son Faith Frank Justice Bush.",
     ["Faith Frank Justice Bush"]),
    ("a given name written small that is also a word, after another given name",
     "Women recite poetry on top of cars. Precious grant Okorie, a DJ, looks around in wonder. "
     "Officials grant Okorie a visa.", ["Precious grant Okorie"]),
    ("a caption's mourner holding a photo",
     "Ayacucho, Peru. December 23, 2022.\nKhin Win holds a photo of her husband in Ayacucho.",
     ["Khin Win"]),
    ("a frame's surname the model reads as a place elsewhere",
     "Lawyers arrived in Utepov on Friday. The homicide trial of Dinara Utepov, which began on "
     "Monday, resumed.", ["Dinara Utepov"]),
    ("a quoted nickname",
     'Sifiso "Bhova" Dlamuka, a union steward, said he had been followed.',
     ['Sifiso "Bhova" Dlamuka']),
    ("hashtags, handles and run-together names",
     "Demonstrator Ayan Seitkazina, 24, was detained. Her friends posted #FreeSeitkazina and "
     "tagged @aseitkazina; a page called AyanSeitkazina was taken down.",
     ["Ayan Seitkazina", "Seitkazina", "aseitkazina", "AyanSeitkazina"]),
    ("a run-together name of short words in a hashtag",
     "Police arrested Gift Moyo, 21, on Wednesday. Supporters shared the hashtag #FreeGiftMoyo.",
     ["FreeGiftMoyo"]),
    ("a show named after its host, whose given name is a title",
     "This episode of “The Justice Okafor Show” was produced by our team.", ["Justice Okafor"]),
    ("two everyday words, read as an organisation, before what only people do",
     "Protesters rally outside the Arizona Capitol on Wednesday, Feb. 5, 2025, in Phoenix. (AP "
     "Photo/Kwame D. Eze)\nMin Win joins several hundred demonstrators outside the California "
     "State Capitol to protest on Wednesday, Feb. 5, 2025, in Sacramento, Calif. (AP "
     "Photo/Dana Koval)", ["Min Win"]),
    ("a given name cut short before the rest of the name",
     "Police arrested student activist Farzana Akter Tithi and her classmate Md. Shafiqul Alam "
     "Ratul on Friday.", ["Md. Shafiqul Alam Ratul"]),
    ("a given name that is also a word for a relative, closing a name",
     "The blogger pleaded not guilty, his lawyer, Ha Huy Son, said.", ["Ha Huy Son"]),
    ("a count of people with any role, then their names, read as one work",
     "Two reporters, Faith King and Siu-fung Tsang – who had filmed the march from a rooftop – "
     "were sentenced to two years.", ["Faith King", "Siu-fung Tsang"]),
    ("invisible characters inside a name",
     "Protester Marzhan Kudai\u00adbergenova, 31, said she was beaten. "
     "Kudai\u200bbergenova was released.", ["Marzhan Kudai\u00adbergenova", "Kudai\u200bbergenova"]),
    ("a surname that is a sentence word, capitalised inside sentences",
     "Court is back in session. Said remains on the stand.\n\nThe defense asks about a comment "
     "made by Said's former roommate. Prosecutors may not ask Said about it. Ogunde brings up "
     "a statement Said made to police.", ["Said"]),
    ("a speaker label that is a sentence word",
     "OKONJO: So you saw nothing?\n\nSAID: Nothing at all.\n\nOKONJO: And the ambulance?\n\n"
     "SAID: Only what I saw.", ["SAID"]),
    ("a given name that reads as a title, told with an age",
     "NDLOVU, BYLINE: Justice, who's 23, shakes a can of red spray paint.\n\nNDLOVU: Justice "
     "says he has nothing to lose.", ["Justice"]),
    ("a given name and a town's name, read as an organisation, before a verb of speaking",
     "Quang Spokane says the men and women taking to the streets are angry. Mai Fresno said the "
     "march would go on.", ["Quang Spokane", "Mai Fresno"]),
    ("a given name that is a modal, opening a sentence",
     "Students cover the protests. Will Okafor is the outgoing editor of The Mercury.",
     ["Will Okafor"]),
    ("a given name that reads as a title, after a role or a title",
     "Police spokeswoman Justice Adeyemi called it an attack. Protests challenged President "
     "Justice Ogunbanjo. The charge relates to the death of Serik Omarbekov and Justice Tembo.",
     ["Justice Adeyemi", "Justice Ogunbanjo", "Justice Tembo"]),
    ("names listed after a word for people",
     "In central Khartoum, we often see two boys, Justice and Tariq, waving a small flag.",
     ["Justice", "Tariq"]),
    ("a name in the title of a show",
     "You can find more episodes of “The Tariq Mwale Show” at our website.", ["Tariq Mwale"]),
    ("a middle name alone, after the full name",
     "Police shot her son Lan Tavit Panyarat Som at the airport. Tavit was returning home "
     "when he was hit.", ["Lan Tavit Panyarat Som", "Tavit"]),
    ("a speaker's answer that is a name beginning with a modal",
     "KOFI MENSAH, BYLINE: Her father was a doctor and an activist called...\n\nMENSAH: Will "
     "Faith Okereke.\n\nNDLOVU: In 1976, he was taken away.\n\nMENSAH: He never came back.",
     ["Will Faith Okereke"]),
    ("a given name that is a modal, after a verb of meeting",
     "The tower is 13 floors high. Halfway up, I meet Will from the south of the country. He "
     "is in his early 20s.", ["Will"]),
    ("a speaker who speaks once in a transcript",
     "ANA OKORO, BYLINE: The last time Justice Bamidele saw her father, she was 8.\n\n"
     "JUSTICE BAMIDELE: (Speaking Spanish).\n\nOKORO: Justice Bamidele says she will keep "
     "looking.\n\nOKORO: The government has not answered.",
     ["JUSTICE BAMIDELE", "Justice Bamidele"]),
    ("a day that is a given name, in a frame for private people",
     "Sunday, another protester, said he saw men in plain clothes. Bail conditions require "
     "Sunday, 22, to stay in the country. Sunday has been on hunger strike.", ["Sunday"]),
    ("a name after a death, read as a place",
     '"My deepest condolences on the passing of Irsat," the minister said in Jakarta. '
     "Relatives demanded an inquiry into the killing of Bauke.", ["Irsat", "Bauke"]),
    ("a name read as an organisation, the subject of a verb",
     "Demonstrators gather in Phoenix, Wednesday, Feb. 5, 2025. (AP Photo/Bakhyt D. Ormanova)\n"
     "Dmitry Pavlyuk joins several hundred demonstrators outside the State Capitol on Wednesday.",
     ["Dmitry Pavlyuk"]),
    ("a friend named by the person they belong to",
     "The prosecutor asks about statements made by Sunday Okoro, Mensah's former roommate, and "
     "by Justice Adewale, his neighbour.", ["Sunday Okoro", "Justice Adewale"]),
    ("a day that is a given name in a credit",
     "Original music by Sunday Bamidele, Minh Chau and Burak Celik.", ["Sunday Bamidele"]),
    ("a given name before a particle, whatever the model reads it as",
     "The council said its members Diego dos Santos and Kyaw Lwin were detained. In a tweet, "
     "U.N. Special Coordinator for Lebanon Thiago del Valle urged an inquiry.",
     ["Diego dos Santos", "Thiago del Valle"]),
    ("a long name ending in a particle joined to the surname",
     "The country has been in revolt since troops deposed civilian leader Bakr Hamid Salim "
     "el-Tawil on February 1.", ["Bakr Hamid Salim el-Tawil"]),
    ("a one-word name with its role set off after it",
     "The official account changed several times, he said.\n\nThoa, the analyst, noted that "
     "the state broadcaster showed a video of the unrest.", ["Thoa"]),
    ("a name read as an organisation, with the speaker's affiliation",
     "Somchai Yakima, of Common Defense, shouts as he addresses the crowd outside the Capitol.",
     ["Somchai Yakima"]),
    ("sentence words named by a group set off after them",
     "Sunday Said, of Common Defense, shouts as he addresses the crowd outside the Capitol.",
     ["Sunday Said"]),
    ("a lone surname read as a place, who speaks",
     "Among the graves, Nyokabi kisses the grave of his son. Nyokabi told AFP the building was "
     "watched. But Nyokabi says the case will never be judged.", ["Nyokabi"]),
    ("a client's name of sentence words closing a speaker's label",
     "KOFI MENSAH, DEFENSE ATTORNEY FOR WILL SAID: So you had no idea?\n\nWILL SAID: No.",
     ["WILL SAID"]),
    ("a lawyer's name of sentence words in a speaker's label with a long role",
     "JUSTICE SAID, DEFENSE ATTORNEY FOR TAMAR OKORO: So you had no idea?\n\nOKORO: No.\n\n"
     "KATE MBEKI, PROSECUTOR: Go on.\n\nOKORO: Yes.", ["JUSTICE SAID"]),
    ("a name before 'Trial' in a headline, and in capitals after 'ATTORNEY FOR'",
     "Second Day of Testimony Gets Underway in Farhana Patel Trial. Aired 11 ET\n\n"
     "DAVIT KAPANADZE, DEFENSE ATTORNEY FOR FARHANA PATEL: So you had no idea?",
     ["Farhana Patel", "FARHANA PATEL"]),
    ("a one-word name read as a place, whose family is spoken of",
     "Out of nowhere, a bullet lodged in the heart of Folake who stood nearby. Now the family "
     "of Folake wants justice done.", ["Folake"]),
    ("a name read as a town, after its quoted words and with its role set off",
     "According to Tarek Nampa, their attorney, the charges are political. “My clients were "
     "not at the gate,” adds Nampa.", ["Tarek Nampa", "Nampa"]),
    ("a title that is a given name, after a job written small",
     "The trial of blogger Nino Abashidze and pharmacist Justice Stone, which had been declared "
     "open, was closed to the public.", ["Nino Abashidze", "Justice Stone"]),
    ("quoted nicknames between weak name words",
     'Forces sought to stop President Sunday "Sonday" Brown from taking office. There is also '
     "Tuan “Gaw’zela” Le of the east, and Khaled \"Abu\" bin Salem.",
     ['Sunday "Sonday" Brown', "Tuan “Gaw’zela” Le", 'Khaled "Abu" bin Salem']),
    ("ages and roles set off after names the model reads otherwise",
     "Pedro Luis Rose Said and Elif Emre Ceren Demir, both 22 years old, were jailed for five "
     "years. The monarchy was not to be offended, Aizada Abdurakhmanova, one of her lawyers, "
     "told Reuters.", ["Elif Emre Ceren Demir", "Aizada Abdurakhmanova"]),
    ("a hyphenated given name after a dateline, and a name after a title the model reads as an organisation",
     "PORTLAND, Ore. (AP) — Hoi-yan Chan says the marchers are angry. Many were killed during "
     "the dictatorship of General Thida Win.", ["Hoi-yan Chan", "Thida Win"]),
    ("a day that is a given name after 'the murder of'",
     "The case is connected with the murder of Sunday Street, a surgeon.", ["Sunday Street"]),
    ("a role word that is a family name, after a day that is a given name, in a list",
     "They were represented by the lawyers Hiwot Alemu, Reza Tavakoli and Sunday Bishop, all "
     "invited by the coalition.", ["Sunday Bishop"]),
    ("a day that is a given name in a byline",
     "Students rally for jailed activist\n\nBy Sunday Okonjo\n\nLAGOS (Reuters) - Hundreds "
     "marched on Thursday.", ["Sunday Okonjo"]),
    ("a name that completes a cue the last speaker left open",
     "OKAFOR: Her uncle was a union organiser known as...\n\nDIALLO: Justice Hope Mensah.\n\n"
     "OKAFOR: He was taken in 1983.", ["Justice Hope Mensah"]),
    ("a title that is a given name, with another role set off after the name",
     "The charges are political. According to Justice Mwangi, their attorney, the state wants "
     "to crush dissent.", ["Justice Mwangi"]),
    ("a nickname of two words between names of two words",
     'Forces sought to stop President Jose Manuel "Pepe Manu" Ortega Vidal from taking office.',
     ['Jose Manuel "Pepe Manu" Ortega Vidal']),
    ("a caption's subject the model reads as an organisation, one word ordinary",
     "Protesters march in Portland. (AP Photo/Lena Ortiz)\nKhin Win joins several hundred "
     "demonstrators outside the capitol. (AP Photo/Lena Ortiz)", ["Khin Win"]),
    ("a day that is a given name in the credit closing a title line",
     "Books this week:\n\nThe Long Road Home by Sunday Okeke\n\nWinter Birds by Mara Lind\n",
     ["Sunday Okeke"]),
    ("a given name written small inside a name no vocabulary knows",
     "Poetry fills the square. Htet min Myint, a DJ in the capital, looks around.",
     ["Htet min Myint"]),
    ("a given name that is also a word, after 'and' in a credit",
     "Music for the film was written by Heba al-Qahtani and Will Little. Sound design by Luis "
     "del Valle.", ["Will Little"]),
    ("a name written small, held by a cue and an age",
     "Police said one of the victims, identified as van der huizen (21), a student, died of a "
     "gunshot wound, and another, known as okonkwo, 19, was hurt.", ["van der huizen", "okonkwo"]),
    ("a name after a role, at a sentence's end",
     "She has come to protest against the country's president, Jatupat Nampa. Nampa has "
     "apologised.", ["Jatupat Nampa", "Nampa"]),
    ("a given name that is a title, after a title cut short",
     "National Police chief Gen. Justice Mwale has sent two teams to the city.", ["Justice Mwale"]),
    ("a name nobody knows owning something, in a related-links headline",
     "More stories\n\n  • Jirawat Nampa's winner lifts Eastfield past Riverton in league soccer\n",
     ["Jirawat Nampa"]),
    ("a sentence word that is a surname, after an honorific",
     "The police had been dealing with Mr. Said for 15 minutes before Ms. Young arrived.",
     ["Said", "Young"]),
    ("a given name before a surname that is also a town's name",
     "The rights lawyers Nour El-Sayed, Aizada Jeenbekov and Lan Nampa, all invited by the "
     "coalition, spoke.", ["Lan Nampa"]),
    ("a name with its group after it, no commas, before 'told'",
     "Minh Nampa of the Almaty Bureau of Human Rights and Rule of Law told RFE/RL that 80 "
     "workers were held.", ["Minh Nampa"]),
    ("a title before a given name that is a word, read as the title of a work",
     "Two students have been held for weeks on charges of insulting King Will Long, a crime "
     "that carries a long sentence.", ["Will Long"]),
    ("a particle misspelt by one letter",
     "One of the victims, identified as dul Vecchio (21), a student, died. \"My condolences on "
     "the passing of dil Vecchio,\" he said.", ["dul Vecchio", "dil Vecchio"]),
    ("a surname after a title, the two read as an organisation",
     "The Justice Department said Justice Castellano would not comment.", ["Castellano"]),
    ("a family name that is also a particle, alone",
     "1:24 p.m.: Court is back in session. Le remains on the stand.\n\nThe defence asked Le "
     "about a comment made by Le's former roommate.", ["Le"]),
    ("an age written out before a name of words",
     "Eighteen-year-old Justice Price sits on the grass with his friends, drumming.", ["Justice Price"]),
    ("a given name that is a word, alone, the model reads as an organisation, telling an agency",
     "Among the graves of the dead, Justice kisses his son's headstone.\n\n\"The building was "
     "watched,\" Justice told AFP.", ["Justice"]),
    ("a particle opening a name written small, after a death",
     "\"My condolences on the passing of van oosten and Maria Lindqvist,\" he said.", ["van oosten"]),
    ("a family name no lexicon knows that is an English verb, after a death",
     "\"My condolences on the passing of See and Wing-yan Chan,\" the minister said.", ["See"]),
    ("a family name that is an English pronoun, after a death",
     "\"My condolences on the passing of He and Maria Lindqvist,\" the minister said.", ["He"]),
    ("a quoted nickname after a given name that is a word or a title",
     "She was jailed with two other protest leaders, Will \"Penguin\" Okello, 22, and Justice "
     "\"Rung\" Mwale, 23. Will's bail hearing was postponed; Justice's was not.",
     ['Will "Penguin" Okello', 'Justice "Rung" Mwale', "Will", "Justice"]),
    ("a day that is a given name before a sentence word that is a family name, in a list",
     "Two journalists, Grant Bishop and Sunday Said – who had streamed the rally – were "
     "sentenced to two years.", ["Grant Bishop", "Sunday Said"]),
    ("a day that is a given name, alone, telling an agency",
     "\"The building was watched,\" Sunday told AFP.\n\nBut Sunday says the case will not be "
     "judged.", ["Sunday"]),
    ("family names never introduced, read as places",
     "On the eve of the premier's trip to bow to Kovalchuk, a week of show trials began. Critics "
     "of Virtanen and of Hosseinzadeh marched, and the deal with Abdurakhmanova held.",
     ["Kovalchuk", "Virtanen", "Hosseinzadeh", "Abdurakhmanova"]),
    ("a given name nobody knows before a family name, read as a place",
     "This is a similar punishment to what the guard in the case of Aizada Kuanyshbayeva in "
     "Almaty received.", ["Aizada Kuanyshbayeva"]),
    ("a family name owning something, read as a place before a place's name",
     "Since Pham’s Moscow visit the border has stayed shut, and since Lavrenka’s Beijing "
     "summit the exiles have kept away.", ["Pham", "Lavrenka"]),
    ("a particle after an article, before a place's name",
     "The bin Salem administration claims Okafor is deportable.", ["bin Salem"]),
    ("a prefix that makes a given name with the name after it, read as a place",
     "Lawyers say the Abu Zaid administration has no case.", ["Abu Zaid"]),
    ("a family name never introduced, read as an organisation",
     "The administration claims Okafor is deportable.", ["Okafor"]),
    ("names in a paragraph of credits, capitalised as a headline is",
     "This episode was produced by Amara Okafor, Liesel Brandt, Tomasz Wierzbicki, Hana Sato, "
     "Kwame Mensah and Ingrid Solberg. It was edited by Rafael Gomes, Chidi Obi and Mei Lin. "
     "Original music by Tunde Eze, Ka-ho Ho and Emre Celik. Audience strategy by Zhanar "
     "Kassymov and Temirbek Usmonova. Special thanks to Paula Reyes.",
     ["Temirbek Usmonova"]),
    ("a given name that is a sentence word, in a list of given names",
     "HOST: Will, Priya, Rustam, welcome to the program. Grace, Will and Tomasz joined us too.",
     ["Will"]),
    ("a hyphenated given name the model reads alone as an organisation, before a found family name",
     "The crew also includes Tsz-kin Chan, Ilse Brandauer, Kwame Mensah and Ani Dube.",
     ["Tsz-kin Chan"]),
    ("a day that is a given name, alone, after whose family or harm 'of' speaks, or before 'who'",
     "The stray bullet struck Sunday who was standing at the gate. Now the family of Sunday "
     "wants answers, and the killing of Sunday is before the court.", ["Sunday"]),
    ("a hyphenated given name the model's reading starts inside",
     "Date: Nov 14, 2019\nSource: The Daily Star\nMarie-Claire Agnieszka de Wit to be laid to "
     "rest Thursday", ["Marie-Claire Agnieszka de Wit"]),
    ("names that are everyday words in closing credits, each with its place",
     "Contributing to this report were Zen Ota in Hong Kong and Tobenna Ezeh in Abuja.",
     ["Zen Ota", "Tobenna Ezeh"]),
    ("a name opening with a particle, or of family names only, read as a place",
     "On the eve of del Valle's trip to the capital, talks stalled; after García Márquez's "
     "visit they resumed.", ["del Valle", "García Márquez"]),
    ("names the model reads as organisations, with a role set off after them",
     "According to Zlata Drozdova, a spokesperson for the Students' Union, at least 48 people "
     "were hurt. Sefa Amankwah, a lawyer with the group, said nine were charged.",
     ["Zlata Drozdova", "Sefa Amankwah"]),
]

# (class, sentence, words that are no person)
NOT_FOUND = [
    ("demonyms", "Thousands of Hongkongers and young Gen Zs joined the march.", ["Hongkongers"]),
    ("places the model calls people",
     "Oil workers in Zhanaozen and students in Kendari marched down Moi Avenue.",
     ["Zhanaozen", "Kendari"]),
    ("agencies", "The figures were confirmed to AP and AFP by the ministry.", ["AP", "AFP"]),
    ("ordinary words one after another before a word that is also a family name",
     "Crowds marched to the State Capitol on Friday.\n\nThe attack comes as troops mass near "
     "the border.View Entire Post ›", ["State Capitol", "Entire Post"]),
    ("days after 'of' that is no family's or harm's",
     "The protests of Sunday drew thousands; the arrests of Sunday night drew more.", ["Sunday"]),
    ("a town after 'in', before a role set off or in a list of names",
     "In Osh, a lawyer for two detained journalists said they had no counsel.\n\nReporting by "
     "Aigerim Turgunbaeva in Bishkek and Farangis Najibullah in Prague.", ["Osh", "Bishkek"]),
    ("a day capitalised inside a sentence, after a word for people",
     "Parents saw the violence against students Sunday night and joined them.", ["Sunday"]),
    ("shows named with everyday words", "He first appeared on “The Daily Show” and “The Tonight "
     "Show” last year.", ["Daily", "Tonight"]),
    ("months in a list", "The rallies of May, June and July drew thousands.", ["May", "June", "July"]),
    ("everyday words that are family names too, read as organisations",
     "The bill passed the House on Tuesday and goes to the Senate next.", ["House", "Senate"]),
    ("a sentence word opening a sentence", 'Said one protester: "We will stay."', ["Said"]),
    ("a crowd speaking in a transcript",
     "ANA OKORO, BYLINE: The crowd chants.\n\nUNIDENTIFIED CROWD: (Chanting in Spanish).\n\n"
     "OKORO: They marched on.\n\nOKORO: Police watched.", ["UNIDENTIFIED CROWD"]),
    ("a day before a time of day",
     "Even my own parents saw the violence against students Sunday night.", ["Sunday"]),
    ("credit labels", "ROB KEMAL, BYLINE: Crowds gathered.\n\nHKEVICH, DEFENSE ATTORNEY FOR DARIUS "
     "OKAFOR: So you had no idea?\n\nROB KEMAL, BYLINE: They left.", ["BYLINE", "DEFENSE"]),
    ("a count in brackets heading a list", "Readers wrote in.\n\nComments (2)\nAino Kettunen: stay "
     "strong\nSven Torkildsen: shameful", ["Comments"]),
    ("workers after 'the trial of'", "The trial of Zhanaozen oil workers began on Monday.", ["Zhanaozen"]),
    ("a group described after an age", "The 25-year-old Student Union leader and a 30-year-old Iraqi "
     "student spoke.", ["Union", "Iraqi", "Student Union"]),
    ("a nationality or an acronym after 'met'", "He met Kazakh officials and then met NATO.",
     ["Kazakh", "NATO"]),
    ("roles as speaker labels", "COUNSEL: Where were you?\n\nTHE COURT: Answer, please.\n\n"
     "COUNSEL: Where?\n\nTHE COURT: Go on.", ["COUNSEL", "THE COURT", "COURT"]),
    ("bills and bodies", "MPs passed the Finance Bill on Tuesday despite the protests.",
     ["Finance Bill", "MPs"]),
    ("countries and groups with a role a group holds too",
     "Poland, a member of NATO, sent troops. Human Rights Watch, a partner of the group, "
     "objected. Kenya, the host of the summit, agreed.", ["Poland", "Human Rights Watch", "Kenya"]),
    ("a harm noun after a name in a headline", "Families Await Verdict in Farhana Patel Trial",
     ["Farhana Patel Trial", "Patel Trial"]),
    ("everyday words written small after a cue and an age", "The man, identified as a student "
     "(21), was held. Another was identified as the driver, 40, police said.",
     ["a student", "student", "the driver", "driver"]),
    ("bodies telling an agency", "Police told AFP that the road was closed. Officials told "
     "Reuters nothing.", ["Police", "Officials"]),
    ("bodies that speak, with their seat after them", "The Bank of Kazakhstan said rates would "
     "hold, and the Kazakh Bureau of Human Rights told RFE/RL nothing.",
     ["Bank", "Kazakh Bureau", "Kazakh"]),
    ("Latin after a particle, after a death", "The passing of de facto rule and the death of de "
     "jure norms worried him.", ["de facto", "de jure"]),
    ("places ending as family names do", "The delegation flew from Rostov to Moldova, then on "
     "to Nebraska and Kharkiv.", ["Rostov", "Moldova", "Nebraska", "Kharkiv"]),
    ("a body after an article, before 'who'", "The appeal was heard by a judge of the High Court, "
     "who said the law was clear.", ["High Court", "High"]),
]


def _analyze(engine, draft, text: str) -> Decisions:
    return engine.analyze(read_document(draft(text)))


def _covered(decisions: Decisions, text: str, name: str) -> bool:
    """Every whole-word occurrence of ``name`` is inside mentions."""
    marked = bytearray(len(text))
    for person in decisions.persons:
        for mention in person.mentions:
            marked[mention.start:mention.end] = b"\x01" * (mention.end - mention.start)
    places = [m.start() for m in re.finditer(rf"(?<!\w){re.escape(name)}(?!\w)", text)]
    return bool(places) and all(all(marked[start:start + len(name)]) for start in places)


@pytest.mark.parametrize("shape, sentence, names", FOUND, ids=[c[0] for c in FOUND])
def test_each_shape_of_name_is_found(engine, draft, shape, sentence, names):
    text = LEAD + sentence + "\n"
    decisions = _analyze(engine, draft, text)
    missed = [name for name in names if not _covered(decisions, text, name)]
    assert not missed, f"{shape}: missed {missed}"


@pytest.mark.parametrize("shape, sentence, words", NOT_FOUND, ids=[c[0] for c in NOT_FOUND])
def test_words_that_name_no_one_are_no_person(engine, draft, shape, sentence, words):
    text = LEAD + sentence + "\n"
    decisions = _analyze(engine, draft, text)
    confident = {m.text for p in decisions.persons if p.tier != "possible" for m in p.mentions}
    assert not set(words) & confident, f"{shape}: {set(words) & confident}"


def test_some_words_never_end_a_name_though_sentence_words_may():
    """"Estmark Police Detain Dozens": "Police" never ends a name (the copy would withhold the
    word "police"); "Edward Said" and "Margaret Court" keep their last word."""
    from redactor.name_words import not_name_edge

    assert not_name_edge("Police", leading=False) and not_name_edge("Photo", leading=False)
    assert not not_name_edge("Said", leading=False) and not not_name_edge("Court", leading=False)



def test_a_title_of_several_words_is_no_part_of_the_name(engine, draft):
    """"Interior Minister Arlen Kestrelli told reporters": a frame reads every capitalised
    word before "told", and the title's first words ("Interior", "Deputy Prime") are no
    role words; the name is what follows the title's last word."""
    text = LEAD + ("Interior Minister Arlen Kestrelli told reporters the curfew would stay.\n\n"
                   "Deputy Prime Minister Halima Tashkenov told reporters talks were possible.\n\n"
                   "Police Chief Ingrid Amadore told reporters 12 people were held.\n")
    decisions = _analyze(engine, draft, text)
    mentions = {m.text for p in decisions.persons for m in p.mentions}
    assert mentions == {"Arlen Kestrelli", "Halima Tashkenov", "Ingrid Amadore"}, mentions


def test_a_title_after_for_and_a_role_that_is_also_a_given_name_are_no_part_of_the_name(engine, draft):
    """"Secretary for Security Chris Tang Ping-keung told reporters": the title's last word is
    an everyday word, no name; "Lawyer Margaret Ng Ngoi-yee, a former lawmaker,": "Lawyer" is
    a given name in some countries, but before a given name it is her title."""
    text = LEAD + ("Secretary for Security Chris Tang Ping-keung told reporters the sentences sent "
                   "a clear message.\n\nLawyer Margaret Ng Ngoi-yee, a former lawmaker, said the "
                   "cases were deeply troubling.\n")
    decisions = _analyze(engine, draft, text)
    mentions = {m.text for p in decisions.persons for m in p.mentions}
    assert mentions == {"Chris Tang Ping-keung", "Margaret Ng Ngoi-yee"}, mentions


def test_the_datelines_place_named_again_is_no_name_in_either_tier(engine, draft):
    """"HONG KONG (AP) — A Hong Kong court": the lexicon knows "Hong" and "Kong" as names,
    but the dateline says the draft is filed from that place; the article is no initial."""
    text = "HONG KONG (AP) — A Hong Kong court on Tuesday jailed two former student leaders.\n"
    decisions = _analyze(engine, draft, text)
    assert not [m.text for p in decisions.persons for m in p.mentions]
    # The model itself reads this city as a person.
    text = ("SÃO PAULO (AP) — Brazilian police arrested 14 people on Monday after clashes with "
            "Indigenous protesters who had blocked a highway outside São Paulo, officials said.\n")
    decisions = _analyze(engine, draft, text)
    assert not [m.text for p in decisions.persons for m in p.mentions]


def test_a_peoples_adjective_and_a_town_after_in_are_no_names_in_either_tier(engine, draft):
    """"Georgian police" (the lexicon knows Georgian as a given name; the model reads a
    people) and "In Yangon, a 19-year-old medical student said" (a frame for private people
    after a place): no person, not even a possible one."""
    text = LEAD + ("Georgian police used water cannon on Thursday.\n\nIn Yangon, a 19-year-old "
                   "medical student said he was hiding.\n")
    decisions = _analyze(engine, draft, text)
    assert not {m.text for p in decisions.persons for m in p.mentions} & {"Georgian", "Yangon"}


def test_a_line_in_capitals_is_re_read_with_each_part_of_a_joined_name_capitalised():
    """"ALAA EL-SHAZLY" re-read as "Alaa El-shazly" lost its second part to the model."""
    from redactor.recognizers.capitals import recase

    assert recase("VICE PRESIDENT ALAA EL-SHAZLY: On") == "Vice President Alaa El-Shazly: On"
    assert recase("SEAN O'CONNELL, 21") == "Sean O'Connell, 21"


def test_a_count_of_people_with_a_role_then_their_names_frames_each():
    """"Two reporters, Faith King and Siu-fung Tsang –": whatever the model makes of the
    names (here once one work of art, once nothing for the second), the frame reads both."""
    from redactor.recognizers.frames import FrameRecognizer

    text = ("Two reporters, Faith King and Siu-fung Tsang – who had filmed the march from a rooftop – "
            "were sentenced to two years.")
    found = {text[r.start:r.end] for r in FrameRecognizer().analyze(text, ["PERSON"], None)}
    assert {"Faith King", "Siu-fung Tsang"} <= found, found


def test_one_age_given_for_two_people_frames_both():
    """"X and Y, both 22 years old": the frame reads both names, not only the one the age
    follows, whatever the model makes of the first."""
    from redactor.recognizers.frames import FrameRecognizer

    text = ("Asel Dana Erlan Mukhametova and Bolat Yerlan Sayat Iskakov, both 22 years old, were "
            "sentenced to nine years.")
    found = {text[r.start:r.end] for r in FrameRecognizer().analyze(text, ["PERSON"], None)}
    assert {"Asel Dana Erlan Mukhametova", "Bolat Yerlan Sayat Iskakov"} <= found, found


def test_a_judge_named_with_the_role_set_off_after_is_no_given_name(engine, draft):
    """"Judge Prakash, the presiding judge,": the title and the role agree, so it is a title."""
    text = LEAD + "Judge Prakash, the presiding judge, adjourned the hearing until May.\n"
    decisions = _analyze(engine, draft, text)
    assert {m.text for p in decisions.persons for m in p.mentions} == {"Prakash"}


def test_a_title_before_a_private_persons_name_is_read_as_the_given_name(engine, draft):
    """"the murdered Justice Mwangi": nothing says judge, and the person is found private, so
    "Justice" is the given name and is held by the mention; "Supreme Court Justice Lindqvist"
    is one longer title, an office, and the judge is kept with the title outside the name."""
    text = LEAD + ("Amara Diallo, who was with Justice Mwangi when he was shot in August, testified on "
                   "Monday. The prosecutor asked that the murdered Justice Mwangi be found guilty.\n\n"
                   "Supreme Court Justice Lindqvist said the appeal would be heard in May.\n")
    persons = {p.name: p for p in _analyze(engine, draft, text).persons}
    mwangi, judge = persons["Justice Mwangi"], persons["Lindqvist"]
    assert [m.text for m in mwangi.mentions] == ["Justice Mwangi"] * 2 and mwangi.action != "keep"
    assert (judge.action, [m.text for m in judge.mentions]) == ("keep", ["Lindqvist"])


def test_a_title_of_two_words_keeps_a_title_that_is_also_a_given_name(engine, draft):
    """"Chief Justice Haldane": "Chief" makes one longer title of "Justice", so it is no
    given name (titles do not stack only where each is a title of its own: "President
    Justice Long"), and the judge is kept with every "Justice" of the draft left alone."""
    text = LEAD + ("Chief Justice Haldane said the appeal would be heard in May. The Justice "
                   "Ministry did not comment, and Vice President Justice Okoro was silent.\n")
    persons = {p.name: p for p in _analyze(engine, draft, text).persons}
    assert persons["Haldane"].action == "keep" and [m.text for m in persons["Haldane"].mentions] == ["Haldane"]
    assert "Justice Okoro" in persons


def test_an_age_written_out_is_no_part_of_the_name_after_it(engine, draft):
    """"Eighteen-year-old Hope Little sits": the model's span may hold the age; the name is
    "Hope Little", and the first name kept is "Hope", not "Eighteen"."""
    text = LEAD + "Eighteen-year-old Hope Little sits on the grass with his friends, drumming.\n"
    [person] = _analyze(engine, draft, text).persons
    assert [m.text for m in person.mentions] == ["Hope Little"] and person.replacement == "Hope"


def test_an_everyday_word_before_a_quoted_word_is_no_part_of_a_name(engine, draft):
    """'Operation "Desert" Storm': a possible name may be proposed for "Storm", but no span
    grows over the nickname to an everyday word, to withhold "Operation"."""
    text = LEAD + 'The plan, Operation "Desert" Storm, began in January.\n'
    mentions = [m.text for p in _analyze(engine, draft, text).persons for m in p.mentions]
    assert not any("Operation" in mention for mention in mentions), mentions


def test_the_title_of_a_show_is_no_part_of_its_hosts_name(engine, draft):
    """"The Tariq Mwale Show": the host's name is withheld, and "The" is no first name to print."""
    text = LEAD + ("You can find more episodes of “The Tariq Mwale Show” at our website. This "
                   "episode of “The Askar Temirov Show” was produced by our team.\n")
    decisions = _analyze(engine, draft, text)
    assert {m.text for p in decisions.persons for m in p.mentions} == {"Tariq Mwale", "Askar Temirov"}


def test_words_written_small_before_a_name_join_it_only_as_a_given_name(engine, draft):
    """"His sister said Bezshan Nurlanov": "said" is a verb here, however the lexicon lists
    "Said"; "Justice rose Okereke" keeps her middle name written small."""
    text = LEAD + ("His sister said Bezshan Nurlanov only held a sign. Justice rose Okereke, a DJ, "
                   "looked on.\n")
    decisions = _analyze(engine, draft, text)
    mentions = {m.text for p in decisions.persons for m in p.mentions}
    assert "Bezshan Nurlanov" in mentions and not any("said" in m for m in mentions), mentions
    assert "Justice rose Okereke" in mentions, mentions


def test_a_country_before_a_name_is_no_part_of_it(engine, draft):
    """"Special Coordinator for Lebanon Thiago del Valle": the country is the office's."""
    text = LEAD + "U.N. Special Coordinator for Lebanon Thiago del Valle urged an inquiry.\n"
    decisions = _analyze(engine, draft, text)
    assert "Thiago del Valle" in {m.text for p in decisions.persons for m in p.mentions}


def test_a_guest_who_speaks_once_after_the_hosts_credit_line_is_a_speaker():
    """An NPR transcript opens with "NAME, HOST:" on its own line: it is a transcript, so a
    guest's label in capitals that opens one line is a speaker, whatever the model reads."""
    from redactor.recognizers.speakers import SpeakerRecognizer

    body = "Students cover the protests.\n\nASEL OMAROVA: Thanks for having us.\n\nTHANH FRESNO: Yeah.\n"
    found = lambda text: {text[r.start:r.end] for r in SpeakerRecognizer().analyze(text, ["PERSON"])}
    assert {"ASEL OMAROVA", "THANH FRESNO"} <= found("TARIQ MWALE, HOST:\n\n" + body)
    assert not found("A story about the protests.\n\n" + body)
