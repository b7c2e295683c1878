"""The grader as a quiz judge rules: the store's real questions, answered right and wrong.

Each case is (fact id, question number from 1, the answer given, what the reason must say), on
the question as the store held it when the case was ruled (tests/data/judge_questions.json). The
grader judges with the question (its words may be repeated) and the shipped names vocabulary.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from laorus.answers.context import question_words
from laorus.answers.grade import Verdict, effective_kind, grade
from laorus.answers.names import (
    accepted_forms,
    names_of,
    rival_names,
    shipped_store,
    vocabulary,
)
from laorus.answers.words import key_set, words
from laorus.store.model import Name, Question

STORE = shipped_store()
QUESTIONS = [
    pytest.param(question, id=f"{fact.id}#{number}")
    for fact in STORE.facts
    for number, question in enumerate(fact.questions, 1)
]

# (fact id, question number from 1, answer given, what the reason must say)
ACCEPT = [
    # framing, and words the question already says or counts
    ("nuclear-power-plant", 1, "it was Rosatom", ""),
    ("nuclear-power-plant", 1, "the Rosatom corporation", ""),
    ("nuclear-power-plant", 1, "Rosatom State Corporation", ""),
    ("investment-projects", 1, "the energy sector", ""),
    ("investment-projects", 1, "Energy.", ""),
    ("investment-projects", 2, "the mining sector", ""),
    ("heads-meeting-kazan-2024", 3, "two meetings", ""),
    ("heads-meeting-kazan-2024", 3, "2", ""),
    ("heads-meeting-kazan-2024", 1, "in Kazan", ""),
    ("heads-meeting-kazan-2024", 1, "the city of Kazan", ""),
    ("heads-meeting-kazan-2024", 4, "the BRICS group", ""),
    ("anniversary-65", 1, "the 65th anniversary of diplomatic relations", ""),
    ("days-of-vientiane-in-moscow", 1, "in Moscow", ""),
    ("victory-1945", 1, "it was 1945", ""),
    ("pilots-monuments", 1, "in 2022", ""),
    ("lao-pdr-proclaimed", 1, "in the year 1975", ""),
    ("historical-truth", 1, "the historical truth", ""),
    ("neutrality-guarantor", 1, "Laos's neutrality", ""),
    ("elephants-gift", 2, "two elephants", ""),
    ("scholarships-100", 1, "one hundred scholarships", ""),
    # a correct wider place
    ("heads-meeting-kazan-2024", 1, "Kazan, Russia", ""),
    ("heads-meeting-kazan-2024", 1, "Kazan in the Russian Federation", ""),
    ("red-square-regiment", 1, "Red Square in Moscow", ""),
    ("red-square-regiment", 1, "Red Square, Moscow", ""),
    ("russian-lao-school", 1, "Vientiane, Laos", ""),
    ("may-9-delegation", 2, "Moscow, Russia", ""),
    ("business-forum-vladivostok", 1, "Vladivostok, Russia", ""),
    ("sco-partner-status", 2, "Tianjin, China", ""),
    ("paek-monument", 1, "Paek, Xiengkhouang", ""),
    ("paek-monument", 1, "Paek in Laos", ""),
    # number idioms and words
    ("heads-meeting-kazan-2024", 3, "twice", ""),
    ("heads-meeting-kazan-2024", 3, "a pair", ""),
    ("elephants-gift", 2, "a pair", ""),
    ("lao-pdr-50th-anniversary", 1, "half a century", ""),
    ("lao-pdr-50th-anniversary", 1, "fifty years", ""),
    ("lprp-70th-anniversary", 1, "seventy years", ""),
    ("lprp-70th-anniversary", 1, "70th anniversary", ""),
    ("lprp-70th-anniversary", 1, "the seventieth anniversary", ""),
    ("scholarships-asean-rank", 1, "number three", ""),
    ("scholarships-asean-rank", 1, "third place", ""),
    ("scholarships-asean-rank", 1, "3rd", ""),
    ("scholarships-100", 1, "a hundred", ""),
    # a rate in words is the question's "annually"
    ("scholarships-100", 1, "100 a year", ""),
    ("scholarships-100", 1, "100 per year", ""),
    ("anniversary-65", 1, "sixty-fifth", ""),
    ("anniversary-65", 1, "65", ""),
    ("relations-established", 2, "nineteen sixty", ""),
    ("65-years-of-cooperation", 1, "sixty-five years", ""),
    ("victory-80th-anniversary", 1, "the eightieth", ""),
    # dates in any common form
    ("heads-meeting-kazan-2024", 2, "October 24, 2024", ""),
    ("heads-meeting-kazan-2024", 2, "24.10.2024", ""),
    ("heads-meeting-kazan-2024", 2, "2024-10-24", ""),
    ("heads-meeting-kazan-2024", 2, "Thursday, 24 October 2024", ""),
    ("anniversary-65", 2, "7 Oct 2025", ""),
    ("anniversary-65", 2, "October 7th, 2025", ""),
    ("relations-established", 1, "07.10.1960", ""),
    ("lao-pdr-proclaimed", 2, "December 2nd, 1975", ""),
    ("lprp-founded", 1, "22/03/1955", ""),
    ("friendship-treaty-1994", 1, "March 9th 1994", ""),
    ("strategic-partnership-declaration-2011", 1, "13.10.2011", ""),
    ("putin-thongloun-talks-2025", 1, "the 31st of July 2025", ""),
    ("sco-partner-status", 5, "31 August to 1 September 2025", ""),
    ("thongsavanh-moscow-2025", 1, "in June 2025", ""),
    ("may-9-delegation", 3, "on 9 May", ""),
    # titles, patronymics, initials for people
    ("thongsavanh-moscow-2025", 2, "Foreign Minister Thongsavanh Phomvihane", ""),
    ("may-9-delegation", 1, "Minister of Foreign Affairs Thongsavanh Phomvihane", ""),
    ("eef-2025-sonexay-siphandone", 1, "PM Siphandone", ""),
    ("eef-2025-sonexay-siphandone", 1, "Prime Minister Sonexay Siphandone", ""),
    ("vladimir-putin", 1, "Vladimir Vladimirovich Putin", ""),
    ("vladimir-putin", 1, "V. V. Putin", ""),
    ("vladimir-putin", 1, "V. Putin", ""),
    ("vladimir-putin", 1, "President Putin", ""),
    ("vladimir-putin", 1, "Mr Putin", ""),
    ("thongloun-sisoulith", 1, "President Thongloun Sisoulith", ""),
    ("thongloun-sisoulith", 1, "Thongloun", ""),
    ("thongloun-sisoulith", 1, "Sisoulith", ""),
    ("putin-thongloun-talks-2025", 2, "Lao President Thongloun Sisoulith", ""),
    ("eef-2023-pany-yathotou", 1, "Vice President Pany Yathotou", ""),
    ("eef-2023-pany-yathotou", 1, "Yathotou", ""),
    # abbreviations, dotted and expanded
    ("nato-expansion", 1, "N.A.T.O.", ""),
    ("nato-expansion", 1, "nato", ""),
    ("nato-expansion", 1, "North Atlantic Treaty Organization", "known form"),
    ("nato-expansion", 1, "the North Atlantic Alliance", ""),
    ("un-charter", 1, "U.N. Charter", ""),
    ("un-charter", 1, "the Charter of the United Nations", ""),
    ("asean-ministerial-meetings", 1, "Association of Southeast Asian Nations", "known form"),
    ("asean-ministerial-meetings", 1, "the Association of South-East Asian Nations", ""),
    ("asean-chairmanship-2024", 2, "A.S.E.A.N.", ""),
    ("asean-centred-architecture", 1, "Asean", ""),
    ("global-majority-brics-sco", 2, "Shanghai Cooperation Organisation", ""),
    ("global-majority-brics-sco", 2, "the Shanghai Cooperation Organization", ""),
    ("eaeu-relations", 1, "Eurasian Economic Union", ""),
    ("eaeu-relations", 1, "EEU", ""),
    ("thongloun-sisoulith", 2, "LPRP", ""),
    ("thongloun-sisoulith", 2, "the Lao People's Revolutionary Party", ""),
    ("undeclared-war", 2, "USSR", ""),
    ("undeclared-war", 2, "Union of Soviet Socialist Republics", ""),
    ("undeclared-war", 2, "U.S.S.R.", ""),
    ("eef-participation", 1, "EEF", ""),
    ("eef-participation", 1, "the Eastern Economic Forum", ""),
    ("eef-2025-sonexay-siphandone", 2, "Eastern Economic Forum", ""),
    ("sme-support", 1, "SMEs", ""),
    ("sme-support", 1, "small and medium businesses", ""),
    ("nuclear-power-plant", 2, "NPP", ""),
    ("ict-and-space", 2, "ICT", ""),
    ("intergovernmental-commission", 1, "the Intergovernmental Commission", ""),
    ("orthodox-parish", 1, "ROC", ""),
    # official long names, other spellings and romanisations
    ("nuclear-power-plant", 1, "Rosatom State Atomic Energy Corporation", "known form"),
    ("fesco-container-shipping", 1, "Far Eastern Shipping Company", "known form"),
    ("fesco-container-shipping", 1, "FESCO", ""),
    ("fesco-container-shipping", 1, "the Fesco Transport Group", ""),
    ("rail-vladivostok-vientiane", 2, "PRC", "known form of China"),
    ("rail-vladivostok-vientiane", 2, "People's Republic of China", ""),
    ("fesco-container-shipping", 2, "Viet Nam", ""),
    ("fesco-container-shipping", 2, "Vietnamese ports", ""),
    ("russian-lao-school", 1, "Viangchan", "known form of Vientiane"),
    ("film-festivals-vientiane", 1, "Vieng Chan", ""),
    ("days-of-moscow-in-vientiane", 1, "Vientiane Capital", ""),
    ("may-9-delegation", 2, "Moskva", ""),
    ("twinning-tobolsk-luang-prabang", 1, "Louangphrabang", ""),
    ("twinning-tobolsk-luang-prabang", 1, "Luangprabang", ""),
    ("twinning-st-petersburg-vientiane", 1, "Saint Petersburg", ""),
    ("twinning-st-petersburg-vientiane", 1, "St Petersburg", ""),
    ("paek-monument", 2, "Xieng Khouang", ""),
    ("paek-monument", 2, "Xiangkhouang province", ""),
    ("paek-monument", 1, "Pek", ""),
    ("russian-speakers-rights", 2, "Kyiv regime", ""),
    ("geneva-conference-1954", 2, "the 1954 Geneva Conference", ""),
    ("geneva-conference-1954", 2, "Geneva Conference on Indochina", ""),
    ("geneva-conference-1954", 3, "Indo-China", ""),
    ("strategic-partnership-declaration-2011", 2, "Asia Pacific", ""),
    ("strategic-partnership-declaration-2011", 2, "the Asia-Pacific region", ""),
    ("sco-partner-status", 2, "Tientsin", ""),
    ("ukraine-nato-membership", 1, "Ukraina", ""),
    ("rushydro", 1, "Rus Hydro", ""),
    ("rusal", 1, "RUSAL", ""),
    ("rusal", 1, "UC Rusal", ""),
    ("gaz-group", 1, "GAZ", ""),
    ("gaz-group", 1, "the GAZ Group", ""),
    ("orthodox-parish", 1, "the Russian Orthodox Church", ""),
    ("friendship-society", 1, "Russian-Lao Friendship Society", ""),
    ("mittaphab-hospital", 1, "Mittaphab hospital", ""),
    ("mittaphab-hospital", 1, "the Mittaphab Friendship Hospital", ""),
    ("mittaphab-hospital", 1, "Russian-Lao Friendship Hospital", ""),
    # plain synonyms, in the accepted forms
    ("practical-cooperation-modest", 1, "rather modest", ""),
    ("practical-cooperation-modest", 1, "modest", ""),
    ("leaders-dialogue", 1, "intense and trust-based", ""),
    ("leaders-dialogue", 1, "trust-based and intensive", ""),
    ("hope-and-optimism", 1, "optimism and hope", ""),
    ("hope-and-optimism", 1, "with hope and optimism", ""),
    ("sco-closer-involvement", 1, "productive and diverse", ""),
    ("russian-art-popularity", 1, "very popular", ""),
    ("lao-culture-affection", 1, "genuine affection", ""),
    ("ukraine-root-causes", 1, "its underlying causes", ""),
    ("against-coercion-and-interference", 2, "the internal affairs of sovereign states", ""),
    ("against-coercion-and-interference", 2, "domestic affairs of sovereign states", ""),
    ("russian-lao-school", 2, "a joint programme", ""),
    ("friendship-traditions", 1, "French colonisers", ""),
    ("friendship-traditions", 2, "the United States", ""),
    ("elephant-symbol", 1, "peace, wisdom and prosperity", ""),
    ("elephant-symbol", 2, "elephants", ""),
    ("challenges-opportunities", 1, "opportunities and challenges", ""),
    ("multipolar-world-order", 1, "a fair multipolar world order", ""),
    ("multipolar-world-order", 2, "their own fate", ""),
    ("concerts-vientiane", 1, "music and dance ensembles", ""),
    ("regional-ties", 1, "Russian regions", ""),
    ("foreign-ministries", 1, "ministries of foreign affairs", ""),
    ("ict-and-space", 1, "space research", ""),
    ("specialist-training", 1, "training of specialists", ""),
    ("nuclear-power-plant", 2, "atomic power plant", ""),
    ("nuclear-power-plant", 2, "a small nuclear power plant", ""),
    ("scholarships-100", 2, "once a year", ""),
    ("scholarships-100", 2, "every year", ""),
    # typos
    ("nuclear-power-plant", 1, "Rosatm", "a typo"),
    ("thongloun-sisoulith", 1, "Thonglun Sisoulith", "a typo"),
    ("eef-2023-pany-yathotou", 1, "Pany Yathotu", "a typo"),
    ("rail-vladivostok-vientiane", 1, "Vladivostock", "a typo"),
    ("paek-monument", 2, "Xiengkhuang", "a typo"),
    ("twinning-tobolsk-luang-prabang", 2, "Tobolks", "a typo"),
    ("neutrality-guarantor", 1, "neutrallity", "a typo"),
    ("russian-lao-school", 1, "Vientienne", "a typo"),
    ("relations-established", 1, "7 Ocotber 1960", "a typo"),
    # a name's known form inside a longer answer; a number or name the question says
    ("eef-2025-sonexay-siphandone", 2, "Eastern Economic Forum 2025", "known form"),
    ("eef-2025-sonexay-siphandone", 2, "the Eastern Economic Forum in 2025", ""),
    ("business-forum-vladivostok", 2, "2025, the first forum", ""),
    ("business-forum-vladivostok", 2, "first held in 2025", ""),
    ("business-forum-vladivostok", 1, "Vladivostok, the first forum", ""),
    ("heads-meeting-kazan-2024", 1, "the BRICS summit in Kazan", ""),
    ("days-of-vientiane-in-moscow", 1, "Days of Vientiane in Moscow", ""),
    ("putin-thongloun-talks-2025", 2, "Thongloun held talks with Putin", ""),
    ("paek-monument", 1, "Paek in Xiengkhouang province", ""),
    ("paek-monument", 1, "Paek city in Xiengkhouang province", ""),
    ("global-majority-brics-sco", 2, "Shanghai Cooperation Organization", ""),
    ("global-majority-brics-sco", 2, "the Shanghai Cooperation organisation", ""),
    ("un-charter", 1, "United Nations Organisation Charter", ""),
    ("nato-expansion", 1, "North Atlantic Treaty Organisation", ""),
    ("scholarships-asean-rank", 1, "#3", ""),
    ("vladimir-putin", 1, "President Vladimir Vladimirovich Putin", ""),
    # a name the question itself says, beside the answer, restates the question: no second guess
    ("geneva-conference-1954", 2, "Geneva Conference, Indochina", ""),
    ("geneva-conference-1954", 2, "Indochina, Geneva Conference", ""),
    ("sco-partner-status", 3, "SCO, Council of Heads of Member States", ""),
    ("sco-partner-status", 3, "Heads of State Council", ""),
    ("putin-thongloun-talks-2025", 2, "President Thongloun", ""),
    ("may-9-delegation", 1, "FM Thongsavanh", ""),
    ("eef-2023-pany-yathotou", 1, "Vice President Pany Yathotou", ""),
    ("eef-2025-sonexay-siphandone", 1, "Premier Sonexay Siphandone", ""),
    ("sco-partner-status", 3, "Council of Heads of State of the SCO", ""),
    ("sco-partner-status", 5, "from 31 August to 1 September 2025", ""),
    ("sme-support", 1, "small and medium-sized businesses (SMEs)", ""),
    # a count of decades, a number the question says again, a word form and a typo
    ("lao-pdr-50th-anniversary", 1, "five decades", ""),
    ("scholarships-100", 1, "hundred", ""),
    ("heads-meeting-kazan-2024", 3, "2 meetings in 2024", ""),
    ("ict-and-space", 1, "exploring space", "another form"),
    ("laos-independent-foreign-policy", 1, "independant", "a typo"),
    ("mittaphab-hospital", 1, "Russia-Laos Friendship Hospital", ""),
    ("mittaphab-hospital", 1, "Laos-Russia Friendship Hospital", ""),
    ("mittaphab-hospital", 1, "Russian-Laotian Friendship Hospital", ""),
    ("sco-partner-status", 3, "council of the heads of member states", ""),
    ("sco-partner-status", 3, "Council of Heads of Member States, SCO", ""),
    ("sco-partner-status", 3, "SCO / Council of Heads of Member States", ""),
]

PARAGRAPH = (
    "We see good prospects for constructing a small capacity nuclear power plant in the Lao PDR"
    " with the participation of the Rosatom State Corporation. Russian companies such as Rusal,"
    " RusHydro, and GAZ Group are also interested in working with Laos. The Fesco transport group"
    " organises container shipping between Russia and Laos through Vietnamese ports."
)

REFUSE = [
    # a year or a number one off
    ("relations-established", 2, "1961", "wrong year"),
    ("relations-established", 2, "1959", "wrong year"),
    ("lprp-70th-anniversary", 1, "71st anniversary", "wrong number"),
    ("lprp-70th-anniversary", 1, "70 anniversaries", "not part of the answer: anniversaries"),
    ("lao-pdr-proclaimed", 1, "1976", "wrong year"),
    ("lao-pdr-proclaimed", 1, "1974", "wrong year"),
    ("lprp-founded", 2, "1956", "wrong year"),
    ("geneva-conference-1954", 1, "1955", "wrong year"),
    ("victory-1945", 1, "1944", "wrong year"),
    ("pilots-monuments", 1, "2021", "wrong year"),
    ("asean-chairmanship-2024", 1, "2025", "wrong year"),
    ("days-of-moscow-in-vientiane", 2, "2023", "wrong year"),
    ("business-forum-vladivostok", 2, "2024", "wrong year"),
    ("eef-2023-pany-yathotou", 2, "2025", "wrong year"),
    ("friendship-treaty-1994", 2, "1993", "wrong year"),
    ("eef-2025-sonexay-siphandone", 2, "EEF 2024", "wrong year"),
    ("anniversary-65", 1, "64th", "wrong number"),
    ("anniversary-65", 1, "66", "wrong number"),
    ("victory-80th-anniversary", 1, "79th", "wrong number"),
    ("lprp-70th-anniversary", 1, "71", "wrong number"),
    ("lao-pdr-50th-anniversary", 1, "51", "wrong number"),
    ("scholarships-100", 1, "99", "wrong number"),
    ("scholarships-100", 1, "101 scholarships", "wrong number"),
    ("scholarships-asean-rank", 1, "second", "wrong number"),
    ("scholarships-asean-rank", 1, "fourth", "wrong number"),
    ("elephants-gift", 2, "three", "wrong number"),
    ("elephants-gift", 2, "one", "wrong number"),
    ("heads-meeting-kazan-2024", 3, "three meetings", "wrong number"),
    ("heads-meeting-kazan-2024", 3, "once", "wrong number"),
    ("65-years-of-cooperation", 1, "64", "wrong number"),
    ("65-years-of-cooperation", 1, "half a century", "wrong number"),
    # a date wrong in one part, or vaguer than asked
    ("anniversary-65", 2, "8 October 2025", "wrong day"),
    ("anniversary-65", 2, "7 October 2024", "wrong year"),
    ("relations-established", 1, "7 October 1961", "wrong year"),
    ("relations-established", 1, "October 1960", "too vague"),
    ("lao-pdr-proclaimed", 2, "3 December 1975", "wrong day"),
    ("lao-pdr-proclaimed", 2, "2 November 1975", "wrong month"),
    ("lprp-founded", 1, "22 March 1956", "wrong year"),
    ("friendship-treaty-1994", 1, "9 May 1994", "wrong month"),
    ("strategic-partnership-declaration-2011", 1, "13 October 2012", "wrong year"),
    ("putin-thongloun-talks-2025", 1, "30 July 2025", "wrong day"),
    ("heads-meeting-kazan-2024", 2, "23 October 2024", "wrong day"),
    ("heads-meeting-moscow-2024", 2, "9 May 2025", "wrong year"),
    ("may-9-delegation", 3, "10 May 2025", "wrong day"),
    ("thongsavanh-moscow-2025", 1, "July", "wrong month"),
    ("thongsavanh-moscow-2025", 1, "June 2024", "wrong year"),
    ("heads-meeting-kazan-2024", 2, "Friday, 24 October 2024", "wrong weekday"),
    ("sco-partner-status", 5, "31 August 2025", "too vague"),
    ("relations-established", 1, "1960", "too vague"),
    # a similar name of the same kind
    ("rail-vladivostok-vientiane", 1, "Vientiane", "that is Vientiane"),
    ("business-forum-vladivostok", 1, "Kazan", "that is Kazan"),
    ("heads-meeting-kazan-2024", 1, "Moscow", "that is Moscow"),
    ("heads-meeting-kazan-2024", 1, "Tianjin", "that is Tianjin"),
    ("sco-partner-status", 2, "Kazan", "that is Kazan"),
    ("may-9-delegation", 2, "St. Petersburg", "that is St. Petersburg"),
    ("days-of-moscow-in-vientiane", 1, "Moscow", "that is Moscow"),
    ("days-of-vientiane-in-moscow", 1, "Vientiane", "that is Vientiane"),
    ("twinning-st-petersburg-vientiane", 1, "Tobolsk", "that is Tobolsk"),
    ("twinning-tobolsk-luang-prabang", 1, "Vientiane", "that is Vientiane"),
    ("twinning-tobolsk-luang-prabang", 2, "Luang Prabang", "that is Luang Prabang"),
    ("paek-monument", 1, "Vientiane", "that is Vientiane"),
    ("russian-lao-school", 1, "Moskva", "that is Moscow"),
    # the article names no Vietnam (only "Vietnamese ports"), so it is no rival name: just wrong
    ("rail-vladivostok-vientiane", 2, "Vietnam", "wrong"),
    ("fesco-container-shipping", 2, "China", "that is China"),
    ("fesco-container-shipping", 2, "PRC", "that is China"),
    ("ukraine-nato-membership", 1, "Russia", "that is Russia"),
    ("undeclared-war", 2, "Russia", "that is Russia"),
    ("undeclared-war", 2, "the Russian Federation", "that is Russia"),
    ("geneva-conference-1954", 3, "Asia-Pacific Region", "that is Asia-Pacific Region"),
    ("vladimir-putin", 1, "Sergey Lavrov", "that is Sergey Lavrov"),
    ("thongloun-sisoulith", 1, "Sonexay Siphandone", "that is Sonexay Siphandone"),
    ("thongloun-sisoulith", 1, "Thongsavanh", "that is Thongsavanh Phomvihane"),
    ("eef-2025-sonexay-siphandone", 1, "Pany Yathotou", "that is Pany Yathotou"),
    ("eef-2023-pany-yathotou", 1, "Siphandone", "that is Sonexay Siphandone"),
    ("may-9-delegation", 1, "Thongloun Sisoulith", "that is Thongloun Sisoulith"),
    ("thongsavanh-moscow-2025", 2, "Lavrov", "that is Sergey Lavrov"),
    ("nuclear-power-plant", 1, "Rusal", "that is Rusal"),
    ("rusal", 1, "RusHydro", "that is RusHydro"),
    ("rushydro", 1, "Rusal", "that is Rusal"),
    ("gaz-group", 1, "Fesco", "that is Fesco"),
    ("fesco-container-shipping", 1, "GAZ Group", "that is GAZ Group"),
    ("nato-expansion", 1, "ASEAN", "that is ASEAN"),
    ("asean-ministerial-meetings", 1, "SCO", "that is SCO"),
    ("global-majority-brics-sco", 2, "EAEU", "that is EAEU"),
    ("eaeu-relations", 1, "Shanghai Cooperation Organisation", "that is SCO"),
    ("heads-meeting-kazan-2024", 4, "SCO", "that is SCO"),
    ("asean-chairmanship-2024", 2, "BRICS", "that is BRICS"),
    ("orthodox-parish", 1, "Russia-Laos Friendship Society", "that is Russia-Laos Friendship"),
    ("friendship-society", 1, "Mittaphab Hospital", "that is Mittaphab"),
    ("mittaphab-hospital", 1, "Russia-Laos Friendship Society", "that is Russia-Laos Friendship"),
    ("thongloun-sisoulith", 2, "Russian Orthodox Church", "that is Russian Orthodox Church"),
    ("un-charter", 1, "UN", "that is UN"),
    ("un-charter", 1, "NATO", "that is NATO"),
    # initials that spell an abbreviation
    ("eef-participation", 1, "Eastern European Forum", ""),
    ("eef-2025-sonexay-siphandone", 2, "Eastern European Forum", ""),
    ("nuclear-power-plant", 2, "national power plant", ""),
    ("sme-support", 1, "state and municipal enterprises", ""),
    ("thongloun-sisoulith", 2, "Laos People's Reform Party", ""),
    ("ict-and-space", 2, "international cooperation treaties", ""),
    ("nato-expansion", 1, "North Asian Trade Organisation", ""),
    ("asean-ministerial-meetings", 1, "Association of South American Nations", ""),
    ("global-majority-brics-sco", 2, "Southern Cooperation Organisation", ""),
    ("undeclared-war", 2, "United States of South Russia", ""),
    # a swapped head noun
    ("mittaphab-hospital", 1, "Mittaphab Friendship Society", "wrong kind"),
    # a form that is as much another name's: neither is named
    ("mittaphab-hospital", 1, "Russian-Lao Friendship", "too vague"),
    ("friendship-society", 1, "Russian-Lao Friendship", "too vague"),
    ("mittaphab-hospital", 1, "Mittaphab school", ""),
    ("geneva-conference-1954", 2, "Geneva Summit", "wrong kind"),
    ("geneva-conference-1954", 2, "Geneva Convention", ""),
    ("may-9-delegation", 2, "Moscow State University", ""),
    ("friendship-society", 1, "Russia-Laos Friendship Hospital", ""),
    ("friendship-society", 1, "Russia-Laos Friendship Association", ""),
    ("orthodox-parish", 1, "Russian Orthodox Society", ""),
    ("eef-participation", 1, "Eastern Economic Summit", ""),
    ("buddhist-forums", 1, "Buddhist conferences", ""),
    ("intergovernmental-commission", 1, "Intergovernmental Committee", ""),
    ("sco-partner-status", 3, "Council of Heads of Government", ""),
    # the kind words of an "X of Y" name: the council, and the state of "Heads of State"
    ("sco-partner-status", 3, "Council of Heads", "too vague"),
    ("scholarships-100", 1, "a century", "counts years"),
    # a participle is another word than its gerund; a year in words without its century
    ("specialist-training", 1, "trained personnel", ""),
    ("geneva-conference-1954", 1, "fifty-four", "give the year in full"),
    ("heads-meeting-kazan-2024", 3, "three in 2024", "wrong number"),
    # a person's title for their name
    ("may-9-delegation", 1, "Lao Foreign Minister", "a title, not a name"),
    ("putin-thongloun-talks-2025", 2, "President of Laos", "a title, not a name"),
    ("putin-thongloun-talks-2025", 2, "General Secretary", "a title, not a name"),
    ("putin-thongloun-talks-2025", 2, "President Putin", "that is Vladimir Putin"),
    # another person's title beside the name
    ("putin-thongloun-talks-2025", 2, "Prime Minister Thongloun Sisoulith", "wrong title"),
    ("putin-thongloun-talks-2025", 2, "Vice President Thongloun Sisoulith", "wrong title"),
    ("may-9-delegation", 1, "President Thongsavanh Phomvihane", "wrong title"),
    ("eef-2023-pany-yathotou", 1, "President Pany Yathotou", "wrong title"),
    # a rank for a count, and a count of times for a rank
    ("heads-meeting-kazan-2024", 3, "second", "is a rank"),
    ("scholarships-100", 1, "100th", "is a rank"),
    ("scholarships-asean-rank", 1, "thrice", "how many times"),
    # a question's name put elsewhere than the question puts it; a garbled order; a hedged range
    ("days-of-moscow-in-vientiane", 2, "2024 in Moscow", "not part of the answer: in Moscow"),
    ("specialist-training", 1, "specialists of training", "wrong order"),
    ("sco-partner-status", 3, "Council of State of Heads of the SCO", "wrong order"),
    ("sco-partner-status", 5, "31 August or 1 September 2025", "two different answers"),
    ("sco-partner-status", 5, "from 31 August from 1 September 2025", "not part of the answer"),
    # a country beside a name shortened out of order: the words are the full name's, not it
    ("mittaphab-hospital", 1, "Russia Mittaphab Hospital", "not part of the answer: Russia"),
    ("mittaphab-hospital", 1, "Russia, Mittaphab Hospital", "two different answers"),
    ("mittaphab-hospital", 1, "Mittaphab Hospital in Russia", "not part of the answer"),
    ("sco-partner-status", 3, "Heads of State", "too vague"),
    ("sco-partner-status", 3, "Heads of Member States", "too vague"),
    ("thongloun-sisoulith", 2, "Lao People's Revolutionary Army", ""),
    # swapped order
    ("against-coercion-and-interference", 2, "sovereign affairs of internal states", "order"),
    ("against-coercion-and-interference", 2, "sovereign states of internal affairs", "order"),
    ("specialist-training", 1, "specialists of professional training", "order"),
    ("regional-ties", 1, "the Russian Federation of constituent entities", "order"),
    # two guesses
    ("heads-meeting-kazan-2024", 1, "Kazan or Moscow", "two different answers"),
    ("vladimir-putin", 1, "Putin or Lavrov", "two different answers"),
    ("relations-established", 2, "1960 or 1961", "two different answers"),
    ("lao-pdr-proclaimed", 1, "1975-76", "two different answers"),
    ("rusal", 1, "Rusal, RusHydro", "two different answers"),
    ("nato-expansion", 1, "NATO / ASEAN", "two different answers"),
    ("anniversary-65", 1, "65th or 70th", "two different answers"),
    ("russian-lao-school", 1, "Vientiane and Moscow", ""),
    ("thongloun-sisoulith", 1, "Thongloun Sisoulith or Sonexay Siphandone", "two different"),
    # a negation
    ("relations-established", 2, "not 1960", "not part of the answer"),
    ("heads-meeting-kazan-2024", 1, "not Kazan", ""),
    ("nuclear-power-plant", 2, "not nuclear", ""),
    ("vladimir-putin", 1, "not Putin", ""),
    ("laos-independent-foreign-policy", 1, "dependent", ""),
    ("ukraine-balanced-position", 1, "unbalanced", ""),
    ("against-coercion-and-interference", 1, "multilateral", ""),
    ("undeclared-war", 1, "declared war", ""),
    # broader or vaguer
    ("heads-meeting-kazan-2024", 1, "Russia", ""),
    ("russian-lao-school", 1, "Laos", ""),
    ("paek-monument", 2, "Laos", ""),
    ("mittaphab-hospital", 1, "a hospital", "too vague"),
    ("friendship-society", 1, "the society", "too vague"),
    ("sco-partner-status", 3, "the Council", "too vague"),
    ("relations-established", 2, "the 1960s", "too vague"),
    ("lao-pdr-proclaimed", 1, "'75", "give the year in full"),
    ("vladimir-putin", 1, "Vladimir", "too vague"),
    ("intergovernmental-commission", 1, "the commission", "too vague"),
    # words of the full name, not all of them: not words foreign to the answer
    ("intergovernmental-commission", 1, "Trade Commission", "part of the name is missing"),
    ("un-charter", 1, "the Charter", "too vague"),
    ("investment-projects", 1, "the sector", ""),
    ("ict-and-space", 2, "technologies", "too vague"),
    ("practical-cooperation-modest", 1, "quite", ""),
    ("soviet-specialists", 1, "specialists", ""),
    ("soviet-specialists", 1, "Soviet", ""),
    # an empty answer, a pasted paragraph
    ("vladimir-putin", 1, "", "no answer"),
    ("relations-established", 2, "   ", "no answer"),
    ("heads-meeting-kazan-2024", 1, PARAGRAPH, "too long"),
    ("nuclear-power-plant", 1, PARAGRAPH[:150], ""),
    # a wider place that is wrong, or words that contradict
    ("heads-meeting-kazan-2024", 1, "Kazan, China", "not part of the answer: China"),
    ("russian-lao-school", 1, "Vientiane, Vietnam", ""),
    ("red-square-regiment", 1, "Red Square in Kazan", ""),
    ("sco-partner-status", 2, "Tianjin, Russia", ""),
    ("may-9-delegation", 3, "9 May 2025 in Kazan", ""),
    # look-alikes and other wrong answers
    ("nato-expansion", 1, "NAT", ""),
    ("heads-meeting-kazan-2024", 4, "BRIC", ""),
    ("vladimir-putin", 1, "S. Putin", "wrong initial"),
    ("thongloun-sisoulith", 2, "Lao People's Democratic Party", ""),
    ("rusal", 1, "Rural", ""),
    ("geneva-conference-1954", 3, "Indonesia", ""),
    ("twinning-st-petersburg-vientiane", 1, "Petrograd", ""),
    ("russian-speakers-rights", 2, "Moscow regime", ""),
    ("global-majority-brics-sco", 1, "Global Minority", ""),
    ("hope-and-optimism", 1, "fear and pessimism", ""),
    ("close-approaches", 1, "very different", ""),
    # half of "overlap or are very close", and "coincide", which says more than "overlap"
    ("close-approaches", 1, "very close", "too vague"),
    ("close-approaches", 1, "they coincide or are very close", "coincide"),
    # the question asks for the article's own term
    ("global-majority-brics-sco", 1, "World Majority", "World"),
    ("scholarships-100", 2, "monthly", ""),
    ("scholarships-100", 2, "twice a year", ""),
    ("elephant-symbol", 2, "tiger", ""),
    ("elephants-gift", 1, "tigers", ""),
    ("ukraine-nato-membership", 2, "peaceful", ""),
    ("neutrality-guarantor", 1, "independence", ""),
    # a wrong number, name or place beside a right one; a demonym; a state word; a patronymic
    ("eef-2025-sonexay-siphandone", 2, "Eastern Economic Forum 2024", "wrong year"),
    (
        "eef-2025-sonexay-siphandone",
        2,
        "Eastern European Forum",
        "not part of the answer: European",
    ),
    ("business-forum-vladivostok", 2, "first", "wrong year"),
    ("business-forum-vladivostok", 2, "2025 and the first in 2026", "two different answers"),
    ("days-of-vientiane-in-moscow", 1, "Vientiane Moscow", ""),
    ("days-of-vientiane-in-moscow", 1, "Moscow and Vientiane", "not part of the answer: Vientiane"),
    ("days-of-vientiane-in-moscow", 1, "Days of Vientiane in Kazan", "that is Kazan, not Moscow"),
    ("heads-meeting-kazan-2024", 1, "the BRICS summit in Moscow", "that is Moscow, not Kazan"),
    ("heads-meeting-kazan-2024", 1, "Kazan BRICS", ""),
    ("putin-thongloun-talks-2025", 2, "Thongloun Vladimir Putin", ""),
    ("paek-monument", 1, "Paek province", "not part of the answer: province"),
    ("paek-monument", 1, "Paek in Luang Prabang province", ""),
    ("rail-vladivostok-vientiane", 2, "Chinese", "Chinese describes China but does not name it"),
    ("rail-vladivostok-vientiane", 2, "Republic of China", "Republic of China is not China"),
    ("vladimir-putin", 1, "Vladimir Ivanovich Putin", "not part of the answer: Ivanovich"),
    ("vladimir-putin", 1, "President Vladimir Putin of China", "not part of the answer: China"),
    ("scholarships-asean-rank", 1, "#4", "wrong number"),
    ("geneva-conference-1954", 2, "Geneva or Geneva Conference", "two different answers"),
    ("fesco-container-shipping", 2, "Vietnam, EAEU", ""),  # not "VietnamEAEU" mistyped
    # "or" offers two answers, even when the other is a name the question says
    ("geneva-conference-1954", 2, "Geneva Conference or Indochina", "two different answers"),
    ("sco-partner-status", 3, "SCO or Council of Heads of Member States", "two different answers"),
    ("geneva-conference-1954", 2, "Geneva Conference, Vietnam", "not part of the answer: Vietnam"),
    ("sco-partner-status", 3, "Council of Heads of Member States, ASEAN", "two different answers"),
]


# The table's questions as the judge ruled on them: the store's questions when the table was
# written (tests/data/judge_questions.json), so that a quiz editor's later review of the store
# (questions dropped, reworded, renumbered) leaves the grader's cases as they were ruled.
JUDGED = {
    key: Question(q["question"], q["answer"], tuple(q.get("accept", ())), q.get("kind"))
    for key, q in json.loads(
        (Path(__file__).parent / "data" / "judge_questions.json").read_text(encoding="utf-8")
    ).items()
}


def _judge(fact_id: str, number: int, answer: str) -> Verdict:
    question = JUDGED[f"{fact_id}#{number}"]
    return grade(answer, question.answer, aliases=question.accept, question=question, store=STORE)


def test_the_table_is_as_large_as_the_issue_asks() -> None:
    assert len(ACCEPT) >= 150
    assert len(REFUSE) >= 150


@pytest.mark.parametrize(
    ("fact_id", "number", "answer", "why"), ACCEPT, ids=[f"{c[0]}#{c[1]}={c[2]!r}" for c in ACCEPT]
)
def test_a_judge_accepts(fact_id: str, number: int, answer: str, why: str) -> None:
    verdict = _judge(fact_id, number, answer)
    assert verdict.correct, verdict.reason
    assert why in verdict.reason


@pytest.mark.parametrize(
    ("fact_id", "number", "answer", "why"),
    REFUSE,
    ids=[f"{c[0]}#{c[1]}!={c[2][:40]!r}" for c in REFUSE],
)
def test_a_judge_refuses_and_says_why(fact_id: str, number: int, answer: str, why: str) -> None:
    verdict = _judge(fact_id, number, answer)
    assert not verdict.correct, verdict.reason
    assert why in verdict.reason
    assert verdict.reason  # never a refusal without a reason


def _grade(answer: str, question: Question) -> Verdict:
    return grade(answer, question.answer, aliases=question.accept, question=question, store=STORE)


@pytest.mark.parametrize("question", QUESTIONS)
def test_every_accepted_form_and_name_variant_is_accepted(question: Question) -> None:
    forms = accepted_forms(question.answer, question.accept, STORE)
    verdicts = [(form, _grade(form, question)) for form in forms]
    assert [(form, v.reason) for form, v in verdicts if not v.correct] == []


@pytest.mark.parametrize("question", QUESTIONS)
def test_every_other_name_of_the_same_kind_is_refused(question: Question) -> None:
    targets = names_of(question.forms, STORE)
    accepted = []
    for group in {target.group for target in targets}:
        for rival in rival_names(question.forms, STORE, kind=group):
            for form in rival.forms:
                if _grade(form, question).correct:
                    accepted.append(form)
    assert accepted == []


def _one_off(question: Question) -> list[str]:
    kind = effective_kind(question.kind, question.answer)
    digits = "".join(c for c in question.answer if c.isdigit())
    if kind not in ("year", "number") or not digits:
        return []
    value = int(digits)
    return [str(value - 1), str(value + 1)]


@pytest.mark.parametrize("question", QUESTIONS)
def test_a_year_or_number_one_off_is_refused(question: Question) -> None:
    for wrong in _one_off(question):
        verdict = _grade(wrong, question)
        assert not verdict.correct
        assert verdict.reason.startswith("wrong")


NAMED = [
    question
    for fact in STORE.facts
    for question in fact.questions
    if names_of(question.forms, STORE)
]


NAME = {name.name: name for name in STORE.names}


@settings(deadline=None)
@given(
    st.sampled_from(NAMED),
    st.sampled_from(STORE.names),
    st.sampled_from([" or ", " / ", ", "]),
    st.booleans(),
)
# Once found by chance (the questions of the judge's table): each is the question's own name
# beside the answer, or a real rival beside it.
@example(JUDGED["geneva-conference-1954#2"], NAME["Indochina"], ", ", True)
@example(JUDGED["geneva-conference-1954#2"], NAME["Indochina"], ", ", False)
@example(JUDGED["sco-partner-status#3"], NAME["SCO"], ", ", True)
@example(JUDGED["sco-partner-status#3"], NAME["SCO"], ", ", False)
@example(JUDGED["sco-partner-status#3"], NAME["SCO"], " / ", False)
@example(JUDGED["geneva-conference-1954#2"], NAME["China"], ", ", True)
@example(JUDGED["sco-partner-status#3"], NAME["ASEAN"], ", ", False)
def test_a_name_with_a_rival_guess_beside_it_is_refused(
    question: Question, other: Name, joiner: str, first: bool
) -> None:
    targets = names_of(question.forms, STORE)
    found = vocabulary(STORE)
    if other in targets or any(found.wider(t, other.name) for t in targets):
        return  # "Kazan, Russia" names where Kazan is
    if any(key_set(words(other.name)) <= found.titled.get(t.name, set()) for t in targets):
        return  # "Thongloun Sisoulith, Lao People's Revolutionary Party": his title
    if joiner == ", " and other.kind == "person":
        return  # "Putin, Vladimir" is one name
    asked = question_words(question.question)
    if any(key_set(words(form)) <= asked for form in other.forms if key_set(words(form))):
        return  # "SCO, Council of Heads of Member States" to "Which SCO body...?" restates it
    pair = [question.answer, other.name]
    answer = joiner.join(pair if first else pair[::-1])
    assert not _grade(answer, question).correct


# Graded with the question's text and the expected answer alone, no accepted forms (the public
# API's plainest call, and a store whose forms a quiz editor pared down): the rules, not a list
# of forms, must rule these as a judge does. (question, expected answer, answer given, reason)
MONTH_2025 = (
    "In which month of 2025 did Russia host Lao Foreign Minister Thongsavanh Phomvihane in Moscow?"
)
NEUTRALITY = "Of what did the USSR act as a guarantor for Laos?"
SCO_STATUS = "What status did the SCO grant Laos at its 2025 summit?"
FORUM_EVENT = "What Russian-Lao event was held for the first time at the Vladivostok venue in 2025?"
FORUMS_KIND = (
    "What kind of international forums held in Russia do Lao delegations traditionally "
    "contribute to?"
)
POLICY = "How does the article characterise Laos's foreign policy, which Russia welcomes?"
DESTINY = (
    "According to the article, the just multipolar world order should reflect the right of "
    "peoples to determine what?"
)
GESTURE = "How does Lavrov describe the Lao gift of elephants, as what kind of gesture?"
VOTE = "How did the SCO Council of Heads of Member States vote on granting Laos partner status?"
DIALOGUE = (
    "What kind of partnership does Russia have with ASEAN, which Laos consistently works to "
    "advance?"
)
SQUARE = "Across which square did a Lao ceremonial regiment march in formation?"
PRACTICES = "What kind of practices does Lavrov say 'we' are categorically opposed to?"
EVENT = "What Russian-Lao event was held for the first time at the Vladivostok venue in 2025?"
SCHOOL = (
    "What is being created in Vientiane with a full cycle of training under a joint curriculum?"
)
MODEST = "How does Lavrov describe the trade figures between Russia and Laos?"
COLONIALISTS = (
    "Besides American aggressors, against which colonialists did the Lao people wage their "
    "national liberation struggle, according to the article?"
)
QUOTA = (
    "Within the quota of which body are 100 scholarships allocated annually for Lao students to "
    "enrol in Russian universities?"
)
FEAT = "Whose feat is immortalised in the monuments erected in Vientiane and Paek in 2022?"
PERSONNEL = (
    "According to Lavrov, the importance of what for a country's socio-economic development is "
    "difficult to overestimate?"
)
BARE_ACCEPT = [
    (MONTH_2025, "June", "June 2025", "correct"),
    # the question's names and words beside an answer that names nothing restate the question
    (NEUTRALITY, "neutrality", "Laos's neutrality", "correct"),
    (NEUTRALITY, "neutrality", "the neutrality of Laos", "correct"),
    (NEUTRALITY, "neutrality", "its neutrality", "correct"),
    (SCO_STATUS, "partner status", "SCO partner", "correct"),
    (FORUM_EVENT, "business forum", "business forum in Vladivostok", "correct"),
    (FORUM_EVENT, "business forum", "the first Russian-Lao business forum", "correct"),
    # the word the question names may be left out of the answer
    (SCO_STATUS, "partner status", "partner", "correct"),
    (DIALOGUE, "dialogue partnership", "dialogue", "correct"),
    # possessives and "own", a stressing word, "one" for the noun
    (DESTINY, "their own destiny", "their destiny", "correct"),
    (DESTINY, "their own destiny", "own destiny", "correct"),
    (GESTURE, "generous", "a generous one", "correct"),
    (GESTURE, "generous", "very generous", "correct"),
    (POLICY, "independent", "an independent one", "correct"),
    # another form of the word, said to be one (not a typo)
    (FORUMS_KIND, "Buddhist", "Buddhism", "Buddhism is another form of Buddhist"),
    (POLICY, "independent", "independence", "independence is another form of independent"),
    (VOTE, "unanimously", "unanimous", "unanimous is another form of unanimously"),
    (VOTE, "unanimously", "unanimously voted", "correct"),
    (DIALOGUE, "dialogue partnership", "dialogue partner", "partner is another form of"),
    (PRACTICES, "neo-colonial", "neo-colonialist", "colonialist is another form of colonial"),
    (FORUMS_KIND, "Buddhist", "Buddhists", "correct"),
    (NEUTRALITY, "neutrality", "neutrallity", "with a typo"),
    # a wider place, and "Sq" for Square
    (SQUARE, "Red Square", "Red Square in Moscow", "correct"),
    (SQUARE, "Red Square", "Red Sq", "correct"),
    (SQUARE, "Red Square", "Red Sq.", "correct"),
]
BARE_REFUSE = [
    # a common phrase's modifier without its kind word
    (EVENT, "business forum", "business", "too vague: part of the answer is missing"),
    (SCHOOL, "first Russian-Lao school", "Russian-Lao", "too vague: part of the answer is missing"),
    # "a university", as it is said
    (SCHOOL, "first Russian-Lao school", "Russian-Lao university", "a university is not a school"),
    # a year that contradicts the question's own
    (MONTH_2025, "June", "June 2024", "wrong year: the question asks about 2025"),
    # an answer's own words stay required, and a stressing word does not replace another
    (SCO_STATUS, "partner status", "status", "too vague"),
    (SCO_STATUS, "partner status", "SCO member", "wrong answer"),
    (NEUTRALITY, "neutrality", "neutrality and Laos", "two different answers given"),
    (MODEST, "quite modest", "very modest", "not part of the answer: very"),
    (POLICY, "independent", "dependent", "wrong answer"),
    # vaguer than the answer: the store may accept it, the grader does not guess it
    (PERSONNEL, "qualified personnel", "personnel", "too vague"),
    # what the question names is no vague form of the answer, and a name's word beside an
    # answer that names nothing makes one wrong answer, not two
    (COLONIALISTS, "French", "American", "that is American, not French"),
    (COLONIALISTS, "French", "the Americans", "that is the Americans, not French"),
    (
        QUOTA,
        "Government of the Russian Federation",
        "Russian universities",
        "that is Russian universities, not Government of the Russian Federation",
    ),
    (FEAT, "Soviet internationalist pilots", "Russian pilots", "not part of the answer: Russian"),
]


@pytest.mark.parametrize(
    ("question", "expected", "answer", "why"),
    BARE_ACCEPT,
    ids=[f"{c[1]}={c[2]!r}" for c in BARE_ACCEPT],
)
def test_a_judge_accepts_without_the_accepted_forms(
    question: str, expected: str, answer: str, why: str
) -> None:
    verdict = grade(answer, expected, question=question)
    assert verdict.correct, verdict.reason
    assert why in verdict.reason


@pytest.mark.parametrize(
    ("question", "expected", "answer", "why"),
    BARE_REFUSE,
    ids=[f"{c[1]}!={c[2]!r}" for c in BARE_REFUSE],
)
def test_a_judge_refuses_without_the_accepted_forms(
    question: str, expected: str, answer: str, why: str
) -> None:
    verdict = grade(answer, expected, question=question)
    assert not verdict.correct, verdict.reason
    assert why in verdict.reason
