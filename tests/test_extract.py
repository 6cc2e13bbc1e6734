"""Extraction behaviour on sentences written for these tests (not taken from any corpus)."""

from __future__ import annotations

import pytest

from kg.extract.pipeline import extract_article
from kg.model import Article


def positions(nlp, text: str, min_confidence: float = 0.0):
    article = Article(doc_id="t", text=text, headline=text.split("\n", 1)[0])
    result = extract_article(article, nlp, min_confidence=min_confidence)
    return {(s.actor.label, s.stance, s.proposal.label) for s in result.statements}, result


def has(found, actor_part: str, stance: str, proposal_part: str) -> bool:
    return any(actor_part.lower() in a.lower() and s == stance and proposal_part.lower() in p.lower()
               for a, s, p in found)


# Sentences in the style of international wire news, checked by test_verb_cues below.
WIRE_NEWS_CASES = [
    ("The European Commission proposed a carbon border tax on Wednesday.", "European Commission", "supports", "carbon border tax"),
    ("Tokyo and Seoul signed a defence pact on Friday.", "Japan", "supports", "defence pact"),
    ("Tokyo and Seoul signed a defence pact on Friday.", "South Korea", "supports", "defence pact"),
    ("Senator Karen Ortiz said she would vote against the treaty.", "Karen Ortiz", "rejects", "treaty"),
    ("Britain will not support the resolution, its ambassador said.", "United Kingdom", "rejects", "resolution"),
    ("The African Union welcomed the ceasefire agreement between the two sides.", "African Union", "supports", "ceasefire"),
    ("Hamas accepted the truce proposal, a spokesman said.", "Hamas", "supports", "truce"),
    ("Israel's cabinet approved the hostage deal late on Thursday.", "Israel", "supports", "hostage deal"),
    ("Canadian Prime Minister Mark Dalton ruled out a snap election.", "Mark Dalton", "rejects", "snap election"),
    ("Poland threatened to veto the EU migration pact.", "Poland", "rejects", "migration pact"),
    ("The White House praised the bipartisan infrastructure bill.", "United States", "supports", "infrastructure bill"),
    ("Kenya's President William Ruto signed the finance bill into law.", "William Ruto", "supports", "finance bill"),
    ("Greenpeace criticised the climate agreement as too weak.", "Greenpeace", "rejects", "climate agreement"),
    ("Iran dismissed the proposal for direct talks with Washington.", "Iran", "rejects", "talks"),
    ("Paris pushed for tougher sanctions on Moscow, diplomats said.", "France", "supports", "sanctions"),
    ("Mexico's government signalled it would accept the tariff deal.", "Mexico", "supports", "tariff deal"),
    ("The treaty was ratified by Finland's parliament on Tuesday.", "Eduskunta", "supports", "treaty"),
    ("The Labour Party boycotted the referendum.", "Labour Party", "rejects", "referendum"),
    ("The Liberal Party campaigned against the referendum.", "Liberal Party", "rejects", "referendum"),
]


@pytest.mark.parametrize("sentence, actor, stance, proposal", [
    ("The opposition leader Maria Lindqvist backs the new trade agreement with Canada.", "Maria Lindqvist", "supports", "trade agreement"),
    ("Finance Minister Tomas Berg rejected the proposed budget on Tuesday.", "Tomas Berg", "rejects", "budget"),
    ("Senator Alan Reyes called for a nationwide referendum on the reform.", "Alan Reyes", "supports", "referendum"),
    ("The chancellor, Petra Vogt, opposes sanctions against the neighbouring state.", "Petra Vogt", "rejects", "sanctions"),
    ("Governor Lena Holm vetoed the spending bill.", "Lena Holm", "rejects", "spending bill"),
    ("Mayor Ravi Patel endorsed the climate agreement last week.", "Ravi Patel", "supports", "climate agreement"),
    ("Prime Minister Ana Costa insisted on a ceasefire before any talks.", "Ana Costa", "supports", "ceasefire"),
    ("Union leader Kofi Mensah voted against the pension reform.", "Kofi Mensah", "rejects", "pension reform"),
] + WIRE_NEWS_CASES)
def test_verb_cues(nlp, sentence, actor, stance, proposal):
    found, _ = positions(nlp, "Headline\n\n" + sentence)
    assert has(found, actor, stance, proposal), found


def test_noun_and_adjective_cues(nlp):
    found, _ = positions(nlp, "Headline\n\nMinister Omar Haddad expressed support for the peace plan.\n\n"
                              "Senator Julia Park is opposed to the tariff increase.\n\n"
                              "Jonas Eklund voiced opposition to the mining treaty.\n")
    assert has(found, "Omar Haddad", "supports", "peace plan")
    assert has(found, "Julia Park", "rejects", "tariff")
    assert has(found, "Jonas Eklund", "rejects", "mining treaty")


def test_possessive_call_makes_proposer_support(nlp):
    found, result = positions(nlp, "Headline\n\nLaura Chen welcomed Omar Haddad's call for a truce.\n")
    assert has(found, "Laura Chen", "supports", "ceasefire")
    assert has(found, "Omar Haddad", "supports", "ceasefire")
    truce = next(s.proposal for s in result.statements if "ceasefire" in s.proposal.label)
    assert truce.proposal_type == "Ceasefire"
    assert "truce" in truce.aliases
    assert truce.proposer is not None and truce.proposer.label == "Omar Haddad"


def test_qualifiers_split_from_label(nlp):
    _, result = positions(nlp, "Headline\n\nThe United Nations called for an immediate and unconditional ceasefire.\n")
    proposal = result.statements[0].proposal
    assert proposal.label == "ceasefire"
    assert set(proposal.qualifiers) >= {"immediate", "unconditional"}


@pytest.mark.parametrize("sentence, label, qualifier", [
    ("Chad backed a 30-day truce.", "ceasefire", "30-day"),
    ("Chad backed a six-month moratorium on offshore drilling.", "moratorium on offshore drilling", "six-month"),
])
def test_durations_are_qualifiers(nlp, sentence, label, qualifier):
    _, result = positions(nlp, "Headline\n\n" + sentence + "\n")
    proposal = result.statements[0].proposal
    assert proposal.label == label
    assert qualifier in proposal.qualifiers


def test_a_count_of_votes_is_no_proposal(nlp):
    found, _ = positions(nlp, "Headline\n\nThe resolution passed with 13 votes in favour.\n\n"
                              "Chad, however, signalled support.\n")
    assert not any("votes" in p for _a, _s, p in found), found


def test_reported_speech_pronoun_is_the_speaker(nlp):
    found, _ = positions(nlp, "Headline\n\nSenator Alan Reyes says he supports the border treaty.\n")
    assert has(found, "Alan Reyes", "supports", "treaty")


def test_third_party_in_reported_speech(nlp):
    found, _ = positions(nlp, "Headline\n\nMaria Lindqvist proposed a new trade deal with Chile.\n\n"
                              "Tomas Berg said Sweden was the first to back the deal.\n")
    assert has(found, "Sweden", "supports", "deal")
    assert not has(found, "Tomas Berg", "supports", "deal")


def test_quote_with_speaker_after(nlp):
    found, _ = positions(nlp, "Headline\n\nPrime Minister Ana Costa met union leaders on Monday.\n\n"
                              "\u201cWe support the pension reform,\u201d Costa said.\n")
    assert has(found, "Ana Costa", "supports", "pension reform")


def test_joint_statement_gives_each_actor(nlp):
    found, _ = positions(nlp, "Headline\n\nBritain, France and Germany urged Iran to accept the nuclear deal.\n")
    for country in ("United Kingdom", "France", "Germany"):
        assert has(found, country, "supports", "nuclear deal"), found
    assert not has(found, "Iran", "supports", "nuclear deal")


def test_negation_and_refusal(nlp):
    found, _ = positions(nlp, "Headline\n\nLena Holm does not support the spending bill.\n\n"
                              "Kofi Mensah refused to back the merger agreement.\n\n"
                              "Ravi Patel declined to endorse the referendum.\n")
    assert has(found, "Lena Holm", "rejects", "spending bill")
    assert has(found, "Kofi Mensah", "rejects", "merger agreement")
    assert not any("Ravi Patel" in a for a, _s, _p in found)


def test_conditional_is_kept_with_lower_confidence(nlp):
    _, plain = positions(nlp, "Headline\n\nJonas Eklund supports the fishing treaty.\n")
    _, conditional = positions(nlp, "Headline\n\nJonas Eklund would support the fishing treaty if the quotas change.\n")
    assert plain.statements and conditional.statements
    assert conditional.statements[0].confidence < plain.statements[0].confidence


def test_questions_and_hypotheticals_give_nothing(nlp):
    found, _ = positions(nlp, "Headline\n\nWill Jonas Eklund support the fishing treaty?\n\n"
                              "If Maria Lindqvist backs the tax cut, the coalition may collapse.\n")
    assert found == set()


def test_metonymy_and_demonyms(nlp):
    found, _ = positions(nlp, "Headline\n\nThe Kremlin rejected the peace plan.\n\n"
                              "Ukrainian officials welcomed the grain deal.\n\n"
                              "Washington backed new sanctions.\n")
    assert has(found, "Russia", "rejects", "peace plan")
    assert has(found, "Ukraine", "supports", "grain deal")
    assert has(found, "United States", "supports", "sanctions")


def test_role_and_affiliation_are_attributes(nlp):
    _, result = positions(nlp, "Headline\n\nFrench President Claire Dubois backed the climate accord.\n")
    actor = result.statements[0].actor
    assert actor.label == "Claire Dubois"
    assert actor.kind == "person"
    assert actor.role == "President"
    assert actor.affiliation is not None and actor.affiliation.label == "France"


def test_surname_and_pronoun_coreference(nlp):
    found, result = positions(nlp, "Headline\n\nSenator Alan Reyes spoke on Monday.\n\n"
                                   "Reyes later endorsed the infrastructure bill.\n\n"
                                   "He also rejected the proposed tax increase.\n")
    assert has(found, "Alan Reyes", "supports", "infrastructure bill")
    assert has(found, "Alan Reyes", "rejects", "tax increase")
    assert len({s.actor.key for s in result.statements}) == 1


def test_proposal_anaphora(nlp):
    found, _ = positions(nlp, "Headline\n\nMaria Lindqvist called for a ceasefire in the region.\n\n"
                              "Tomas Berg said he supports this call.\n")
    assert has(found, "Tomas Berg", "supports", "ceasefire")


def test_noise_lines_give_nothing(nlp):
    text = ("Minister backs truce\nPhoto: Reuters\nRead also: Minister Omar Haddad supports the new tax law\n"
            "Вчера министр поддержал перемирие\n\u2022 Omar Haddad supports the fishing treaty.\n")
    found, _ = positions(nlp, text)
    assert not has(found, "Haddad", "supports", "tax law")
    assert has(found, "Omar Haddad", "supports", "fishing treaty")


def test_evidence_offsets_point_into_the_text(nlp):
    text = "Headline here\n\nSome context first. Maria Lindqvist backs the new trade agreement. More after.\n"
    _, result = positions(nlp, text)
    statement = result.statements[0]
    ev = statement.evidence
    assert text[ev.start:ev.end] == ev.text
    assert ev.text == "Maria Lindqvist backs the new trade agreement."


def test_min_confidence_filters(nlp):
    _, result = positions(nlp, "Headline\n\nJonas Eklund would support the fishing treaty if quotas change.\n",
                          min_confidence=0.99)
    assert result.statements == []


def test_title_case_headline_resolves_to_body_person(nlp):
    text = ("UN Chief Urges Immediate Truce In Border Conflict\n\n"
            "United Nations Secretary-General Maria Okafor spoke to reporters on Monday.\n")
    found, result = positions(nlp, text)
    assert has(found, "Maria Okafor", "supports", "ceasefire"), found
    statement = result.statements[0]
    assert statement.evidence.start == 0
    assert statement.evidence.text == "UN Chief Urges Immediate Truce In Border Conflict"


def test_synonyms_share_one_canonical_proposal(nlp):
    _, result = positions(nlp, "Headline\n\nMaria Lindqvist called for a truce.\n\n"
                               "Tomas Berg rejected a cessation of hostilities.\n")
    proposals = {s.proposal.key for s in result.statements}
    assert len(proposals) == 1
    proposal = result.statements[0].proposal
    assert proposal.label == "ceasefire" and proposal.proposal_type == "Ceasefire"


def test_spelling_variants_meet_on_one_actor(nlp):
    _, first = positions(nlp, "Headline\n\nPresident Volodymyr Zelenskyy backed the grain deal.\n")
    _, second = positions(nlp, "Headline\n\nPresident Volodymyr Zelensky rejected the peace plan.\n")
    assert first.statements and second.statements
    assert first.statements[0].actor.key == second.statements[0].actor.key
    assert first.statements[0].actor.label == "Volodymyr Zelenskyy"


def test_call_for_actor_to_act_and_endorsing_known_person(nlp):
    found, _ = positions(nlp, "Headline\n\nSenator Julia Park is running for governor.\n\n"
                              "Mayor Ravi Patel called for the United States to lift the tariffs on steel.\n\n"
                              "Omar Haddad endorsed Park on Friday.\n")
    assert has(found, "Ravi Patel", "rejects", "tariffs")  # lifting them ends them
    assert has(found, "Omar Haddad", "supports", "candidacy of Julia Park")


def test_promise_to_end_is_a_rejection(nlp):
    found, _ = positions(nlp, "Headline\n\nSenator Alan Reyes promised on Sunday to end the coal subsidies.\n\n"
                              "Tomas Berg called for an end to the arms embargo.\n")
    assert has(found, "Alan Reyes", "rejects", "coal subsidies")
    assert has(found, "Tomas Berg", "rejects", "arms embargo")


def test_news_style_paragraphs(nlp):
    text = ("Leaders Back New Sanctions\n\n"
            "German Chancellor Paul Weber said Berlin supports the sanctions and called on Iran to stop the drone deliveries.\n\n"
            "The Kremlin dismissed the move.\n\n"
            "Hungary said it would veto any measure targeting energy imports.\n\n"
            "Environmental groups urged the government to ratify the Paris climate agreement, "
            "but the opposition Liberal Party refused to endorse the plan.\n")
    found, _ = positions(nlp, text)
    assert has(found, "Germany", "supports", "sanctions")
    assert has(found, "Russia", "rejects", "sanctions")
    assert has(found, "Hungary", "rejects", "measure targeting energy imports")
    assert has(found, "Liberal Party", "rejects", "Paris climate agreement")
    assert not any(actor == "Berlin" for actor, _s, _p in found)


def _keys(result):
    return [(s.actor.key, s.stance, s.proposal.key, s.evidence.start, s.confidence) for s in result.statements]


def test_batched_and_parallel_extraction_match_one_by_one(nlp, seeds_dir):
    from kg.extract.pipeline import extract_articles
    from kg.ingest import read_articles

    own = [Article(doc_id="a", text="Headline\n\nMaria Lindqvist backs the new trade agreement with Canada.\n"),
           Article(doc_id="empty", text="Photo: Reuters\n"),  # no block to parse: still one result
           Article(doc_id="b", text="Headline\n\nLena Holm does not support the spending bill.\n")]
    articles = list(read_articles([seeds_dir])) + own
    one_by_one = [_keys(extract_article(a, nlp)) for a in articles]
    assert one_by_one[-1] and one_by_one[-2] == [] and one_by_one[0]
    for n_process, batch_size in ((1, 3), (2, 4)):
        results = list(extract_articles(iter(articles), nlp, n_process=n_process, batch_size=batch_size))
        assert [r.article.doc_id for r in results] == [a.doc_id for a in articles]
        assert [_keys(r) for r in results] == one_by_one


def test_pronoun_gender_from_speech_and_honorifics(nlp):
    found, _ = positions(nlp, "Headline\n\nTomas Berg spoke to reporters in the capital on Monday. "
                              "Maria Lindqvist said she was tired after the long session. "
                              "He endorsed the climate accord later that evening.\n")
    assert has(found, "Tomas Berg", "supports", "climate accord"), found
    assert not has(found, "Lindqvist", "supports", "climate accord")
    found, _ = positions(nlp, "Headline\n\nGovernor Tomas Berg and Senator Maria Lindqvist met on Monday. "
                              "Mrs. Lindqvist spoke first about the harbour. He then rejected the spending bill.\n")
    assert has(found, "Tomas Berg", "rejects", "spending bill"), found
    assert not has(found, "Lindqvist", "rejects", "spending bill")


def test_pronoun_skips_places_and_plural_non_actors(nlp):
    found, _ = positions(nlp, "Headline\n\nGreenpeace held a press conference in Oslo on Tuesday. Local farmers "
                              "marched through the city afterwards, and they rejected the new land tax.\n")
    assert not any(a in ("Greenpeace", "Norway", "Oslo") for a, _s, _p in found), found
    found, _ = positions(nlp, "Headline\n\nThousands attended the Labour Party rally in Manchester on Sunday. "
                              "It backed the rail nationalisation plan.\n")
    assert has(found, "Labour Party", "supports", "rail nationalisation plan"), found
    assert not any("Manchester" in a for a, _s, _p in found)


def test_whether_clauses_report_no_position(nlp):
    found, _ = positions(nlp, "Headline\n\nReporters asked whether Senator Alan Reyes still supports the pipeline bill. "
                              "The vote raised questions as to whether Maria Lindqvist backs the budget.\n")
    assert found == set()


def test_vague_possessed_nouns_and_stale_anaphora_name_no_proposal(nlp):
    found, _ = positions(nlp, "Headline\n\nMaria Lindqvist presented her budget on Monday. Tomas Berg praised her effort.\n")
    assert not any(a == "Tomas Berg" for a, _s, _p in found), found
    found, _ = positions(nlp, "Headline\n\nMaria Lindqvist proposed a fishing treaty with Norway in March. "
                              "The harbour was busy all week. Boats came and went. Prices of cod fell sharply. "
                              "The weather turned cold in April. Tomas Berg supported the idea.\n")
    assert has(found, "Maria Lindqvist", "supports", "fishing treaty")
    assert not any(a == "Tomas Berg" for a, _s, _p in found), found


def test_clause_proposals_need_an_object_not_an_adjunct(nlp):
    found, _ = positions(nlp, "Headline\n\nMayor Ravi Patel urged residents to slow down in their daily lives. "
                              "Governor Lena Holm urged the council to pull out of the regional water compact.\n")
    assert not any(a == "Ravi Patel" for a, _s, _p in found), found
    assert has(found, "Lena Holm", "supports", "regional water compact")


def test_call_to_act_attached_to_the_verb(nlp):
    found, _ = positions(nlp, "Headline\n\nSenator Alan Reyes defended his call to raise the minimum wage to $20 an hour.\n")
    assert has(found, "Alan Reyes", "supports", "raise the minimum wage"), found


def test_named_proposal_is_not_read_as_anaphora(nlp):
    found, _ = positions(nlp, "Headline\n\nMaria Lindqvist proposed a fishing treaty with Norway. "
                              "Tomas Berg rejected the peace plan.\n")
    assert has(found, "Tomas Berg", "rejects", "peace plan"), found
    assert not has(found, "Tomas Berg", "rejects", "fishing treaty")


def test_claimed_denied_and_imputed_positions_give_nothing(nlp):
    found, _ = positions(nlp, "Headline\n\nMaria Lindqvist repeated her claim that Tomas Berg is in favor of the carbon tax. "
                              "Senator Alan Reyes denied that he supports the pipeline bill. "
                              "The opposition accused Lena Holm of backing the mining treaty.\n")
    assert found == set()


def test_adjective_on_the_object_describes_the_object(nlp):
    found, _ = positions(nlp, "Headline\n\nThe Green Party wants to empower senators willing to back the emergency tariff. "
                              "The Labour Party is willing to back the fishing treaty.\n")
    assert not has(found, "Green Party", "supports", "tariff"), found
    assert has(found, "Labour Party", "supports", "fishing treaty"), found


def test_vague_nouns_and_variations(nlp):
    found, _ = positions(nlp, "Headline\n\nGovernor Lena Holm advocated solutions on Monday. "
                              "Mayor Ravi Patel proposed variations on the congestion charge.\n")
    assert not any(a == "Lena Holm" for a, _s, _p in found), found
    assert ("Ravi Patel", "supports", "congestion charge") in found, found


def test_absolute_clause_with_all_and_proposing_verbs(nlp):
    found, _ = positions(nlp, "Headline\n\nThe council is divided, with Maria Lindqvist, Tomas Berg and Lena Holm all "
                              "calling for a congestion charge. Governor Lena Holm unveiled a proposal to rebuild the "
                              "northern rail line. Ravi Patel warned against privatising the water utility. "
                              "Omar Haddad unveiled a new logo for the city.\n")
    for name in ("Maria Lindqvist", "Tomas Berg", "Lena Holm"):
        assert has(found, name, "supports", "congestion charge"), found
    assert has(found, "Lena Holm", "supports", "rebuild the northern rail line")
    assert has(found, "Ravi Patel", "rejects", "privatising the water utility")
    assert not any(a == "Omar Haddad" for a, _s, _p in found)


def test_joint_speakers_share_the_plural_pronoun(nlp):
    found, _ = positions(nlp, "Headline\n\nNorway, Chile and Kenya said in a joint statement that they oppose the "
                              "deep-sea mining treaty. Peru and Ghana issued a joint communique backing the fisheries "
                              "agreement.\n")
    for name in ("Norway", "Chile", "Kenya"):
        assert has(found, name, "rejects", "mining treaty"), found
    assert has(found, "Peru", "supports", "fisheries agreement"), found
    assert has(found, "Ghana", "supports", "fisheries agreement"), found


def test_cited_document_does_not_speak_for_the_reader(nlp):
    found, _ = positions(nlp, "Headline\n\nNorway quoted a letter backing the fisheries agreement.\n")
    assert not has(found, "Norway", "supports", "fisheries"), found


def test_passive_participle_with_agent(nlp):
    found, _ = positions(nlp, "Headline\n\nLena Holm, endorsed by the Daily Courier, won the primary. "
                              "Tomas Berg, who is backed by Greenpeace, lost. "
                              "The water tariff, opposed by Chile, was withdrawn.\n")
    assert has(found, "Daily Courier", "supports", "candidacy of Lena Holm"), found
    assert has(found, "Greenpeace", "supports", "candidacy of Tomas Berg"), found
    assert has(found, "Chile", "rejects", "water tariff"), found
    assert not any("endorsed" in p or "opposed" in p for _a, _s, p in found), found


def test_vague_noun_with_participle_names_nothing(nlp):
    found, _ = positions(nlp, "Headline\n\nThe scheme, backed by Peru, starts in May.\n")
    assert found == set(), found


def test_receiving_support_means_the_giver_supports(nlp):
    found, _ = positions(nlp, "Headline\n\nMayor Ravi Patel won the backing of Greenpeace. "
                              "Omar Haddad secured Amnesty International's endorsement.\n")
    assert has(found, "Greenpeace", "supports", "candidacy of Ravi Patel"), found
    assert has(found, "Amnesty International", "supports", "candidacy of Omar Haddad"), found
    assert not any(p == "Greenpeace" for _a, _s, p in found), found


def test_call_to_abandon_rejects_what_it_abandons(nlp):
    found, _ = positions(nlp, "Headline\n\nSenator Julia Park's call to abandon the fuel levy split the party.\n")
    assert has(found, "Julia Park", "rejects", "fuel levy"), found
    assert not has(found, "Julia Park", "supports", "fuel levy"), found


def test_noun_cue_with_that_clause(nlp):
    found, _ = positions(nlp, "Headline\n\nMinister Omar Haddad made a demand that parliament hold a referendum "
                              "on the border. Senator Julia Park made a claim that parliament will hold an election.\n")
    assert has(found, "Omar Haddad", "supports", "referendum"), found
    assert not any(a == "Julia Park" for a, _s, _p in found), found


def test_bill_label_keeps_what_it_would_do(nlp):
    found, _ = positions(nlp, "Headline\n\nSenator Alan Reyes introduced a bill to ban plastic bags. "
                              "Senator Julia Park sponsored a motion, and Lena Holm backed a law that would cap rents.\n")
    assert has(found, "Alan Reyes", "supports", "bill to ban plastic bags"), found
    assert has(found, "Lena Holm", "supports", "law that would cap rents"), found


def test_legislatures_pass_and_agree(nlp):
    found, _ = positions(nlp, "Headline\n\nThe European Parliament passed the packaging bill. "
                              "The European Union agreed on a tariff on Chilean copper. "
                              "The Teamsters gave their backing to the port agreement. "
                              "Tomas Berg passed the ball.\n")
    assert has(found, "European Parliament", "supports", "packaging bill"), found
    assert has(found, "European Union", "supports", "tariff on Chilean copper"), found
    assert has(found, "Teamsters", "supports", "port agreement"), found
    assert not any(a == "Tomas Berg" for a, _s, _p in found), found


def test_first_name_alone_refers_to_the_full_name(nlp):
    found, _ = positions(nlp, "Headline\n\nMayor Lena Holm met union leaders. Lena said she opposes the toll road.\n")
    assert has(found, "Lena Holm", "rejects", "toll road"), found
    assert not any(a == "Lena" for a, _s, _p in found), found


def test_untagged_capitalised_organisation_names(nlp):
    found, _ = positions(nlp, "Headline\n\nThe Coastal Fishers Union rejected the salmon quota.\n")
    assert ("Coastal Fishers Union", "rejects", "salmon quota") in found, found


@pytest.mark.parametrize("sentence", [
    "India abstained on the UN resolution condemning the invasion.",
    "Analysts said the sanctions were unlikely to work.",
    "Will China back the climate deal? Few diplomats think so.",
    "If Serbia recognised Kosovo, the EU would welcome the move.",
    "The ministers failed to agree on a price cap for Russian oil.",
    "The former president endorsed Governor Sarah Lind for the Senate seat.",
])
def test_wire_news_without_positions(nlp, sentence):
    found, _ = positions(nlp, "Headline\n\n" + sentence)
    assert not found, found


def test_possessing_state_overrides_a_default_body(nlp):
    found, _ = positions(nlp, "Headline\n\nBrazil's Senate passed the tax reform bill by 53 votes to 24.\n\n"
                              "Mexico's Congress approved the judicial reform.\n\n"
                              "France's Senate rejected the pension bill.\n\n"
                              "Canada's House of Commons passed the online news bill.\n")
    assert has(found, "Canada's House of Commons", "supports", "online news bill"), found
    assert has(found, "Brazil's Senate", "supports", "tax reform bill"), found
    assert has(found, "Mexico's Congress", "supports", "judicial reform"), found
    assert has(found, "French Senate", "rejects", "pension bill"), found
    assert not any(a.startswith("US ") for a, _s, _p in found), found
    found, _ = positions(nlp, "Headline\n\nThe Senate passed the tax reform bill.\n")
    assert has(found, "US Senate", "supports", "tax reform bill"), found


def test_readiness_to_weigh_is_no_position(nlp):
    found, _ = positions(nlp, "Headline\n\nThe Kremlin said it was ready to consider the peace plan.\n\n"
                              "Iran said it was willing to discuss a prisoner swap.\n\n"
                              "The Netherlands said it was open to reviewing the trade deal.\n")
    assert not found, found
    found, _ = positions(nlp, "Headline\n\nThe Kremlin said it was ready to sign the peace plan.\n")
    assert has(found, "Russia", "supports", "peace plan"), found


def test_withdrawn_support_is_a_rejection(nlp):
    found, _ = positions(nlp, "Headline\n\nSouth Africa's ANC withdrew its support for the coalition budget.\n")
    assert has(found, "African National Congress", "rejects", "budget"), found
    assert not has(found, "African National Congress", "supports", "budget"), found
    found, _ = positions(nlp, "Headline\n\nThe Greens dropped their opposition to the nuclear plant.\n\n"
                              "Hungary lifted its veto on the aid package for Ukraine.\n")
    assert not any(s == "rejects" for _a, s, _p in found), found


def test_one_of_several_supporters(nlp):
    found, _ = positions(nlp, "Headline\n\nSenator Lena Holm is one of a handful of vocal supporters of the carbon tax.\n")
    assert has(found, "Lena Holm", "supports", "carbon tax"), found


def test_negated_copula_of_a_willingness_adjective_rejects(nlp):
    found, _ = positions(nlp, "Headline\n\nMayor Ravi Patel was not willing to support the toll road.\n")
    assert has(found, "Ravi Patel", "rejects", "toll road"), found
    assert not has(found, "Ravi Patel", "supports", "toll road"), found


def test_criticised_for_doing_is_the_object_doing_it(nlp):
    found, _ = positions(nlp, "Headline\n\nSenator Omar Haddad blasted Governor Lena Holm for her support of the pipeline bill. "
                              "Tomas Berg criticized Maria Lindqvist for backing the toll road.\n")
    assert has(found, "Lena Holm", "supports", "pipeline bill"), found
    assert has(found, "Maria Lindqvist", "supports", "toll road"), found
    assert has(found, "Tomas Berg", "rejects", "toll road"), found  # the critic is against what was done
    assert not has(found, "Tomas Berg", "supports", "toll road"), found


def test_possessive_pronoun_in_a_conjunct_is_the_named_possessor(nlp):
    found, _ = positions(nlp, "Headline\n\nTomas Berg spoke on Monday. He cited Lena Holm's voting record and her "
                              "support for the toll road.\n")
    assert has(found, "Lena Holm", "supports", "toll road"), found
    assert not any(a == "Tomas Berg" for a, _s, _p in found), found


def test_accepting_needs_a_proposal_type(nlp):
    found, _ = positions(nlp, "Headline\n\nGovernor Lena Holm accepted large donations from developers. "
                              "Hamas accepted the truce proposal.\n")
    assert not any(a == "Lena Holm" for a, _s, _p in found), found
    assert has(found, "Hamas", "supports", "truce"), found


def test_relative_clause_on_a_later_conjunct_is_its_own(nlp):
    found, _ = positions(nlp, "Headline\n\nReporters asked about Governor Lena Holm and the Green Party, which introduced "
                              "the water bill.\n")
    assert has(found, "Green Party", "supports", "water bill"), found
    assert not any(a == "Lena Holm" for a, _s, _p in found), found


def test_non_restrictive_relative_clause_is_not_part_of_the_label(nlp):
    found, _ = positions(nlp, "Headline\n\nThe Green Party denounced the port deal, which would slash the harbour's tax "
                              "rate to 12 percent. Lena Holm backed a law that would cap rents.\n")
    assert ("Green Party", "rejects", "port deal") in found, found
    assert has(found, "Lena Holm", "supports", "law that would cap rents"), found


def test_a_word_mentioned_is_no_proposal(nlp):
    found, _ = positions(nlp, "Headline\n\nLena Holm and Tomas Berg reject the term austerity.\n")
    assert found == set(), found
    found, _ = positions(nlp, "Headline\n\nLena Holm rejects austerity.\n")
    assert has(found, "Lena Holm", "rejects", "austerity"), found


def test_vague_heads_need_a_complement(nlp):
    found, _ = positions(nlp, "Headline\n\nThe Green Party pushed for immediate action. Mayor Ravi Patel backed changes.\n")
    assert found == set(), found
    found, _ = positions(nlp, "Headline\n\nThe Green Party pushed for action on drug prices. "
                              "Senator Lena Holm defended her executive actions to tighten background checks.\n")
    assert has(found, "Green Party", "supports", "action on drug prices"), found
    assert has(found, "Lena Holm", "supports", "actions to tighten background checks"), found


def test_pronoun_prefers_a_person_named_in_its_own_paragraph(nlp):
    found, _ = positions(nlp, "Headline\n\nPrime Minister Tomas Berg arrived in Lisbon on Monday with his delegation.\n\n"
                              "For President Omar Haddad, it was a day of celebration. He had just signed the water treaty.\n")
    assert has(found, "Omar Haddad", "supports", "water treaty"), found
    assert not any(a == "Tomas Berg" for a, _s, _p in found), found


def test_untagged_surname_subject_is_a_pronoun_antecedent(nlp):
    found, _ = positions(nlp, "Headline\n\nSenator Paul Okafor met voters in May. Governor Karl Moreno spoke first. "
                              "Okafor has broken many promises he made to the voters of Ohio since being elected to the "
                              "Senate, most notably that he would never back a carbon tax.\n")
    assert has(found, "Paul Okafor", "rejects", "carbon tax"), found
    assert not any(a == "Karl Moreno" for a, _s, _p in found), found


def test_indefinite_noun_tagged_as_organisation_is_still_a_proposal(nlp):
    found, _ = positions(nlp, "Headline\n\nSenator Paul Okafor has proposed a 10 percent VAT to go with a 17 percent "
                              "corporate tax rate.\n")
    assert has(found, "Paul Okafor", "supports", "VAT"), found


def test_bare_verb_conjoined_with_a_course_of_action(nlp):
    found, _ = positions(nlp, "Headline\n\nGovernor Lena Holm urged the legislature to act and force landlords to freeze rents. "
                              "Mayor Ravi Patel urged residents to slow down in their daily lives and spend more time "
                              "with their neighbours.\n")
    assert ("Lena Holm", "supports", "force landlords to freeze rents") in found, found
    assert not any(a == "Ravi Patel" for a, _s, _p in found), found


def test_clause_with_its_own_passive_or_phrasal_subject(nlp):
    found, _ = positions(nlp, "Headline\n\nGovernor Lena Holm has called for the rebels' strongholds in the north to be "
                              "hit even harder. Tomas Berg is calling for some of his rivals to drop out. "
                              "Maria Lindqvist called for the arms embargo to be scrapped. "
                              "Omar Haddad called for Congress to act.\n")
    assert has(found, "Lena Holm", "supports", "strongholds in the north to be hit"), found
    assert has(found, "Tomas Berg", "supports", "rivals to drop out"), found
    assert ("Maria Lindqvist", "rejects", "arms embargo") in found, found
    assert not any(a == "Omar Haddad" for a, _s, _p in found), found


def test_call_listed_with_including_belongs_to_the_maker_of_the_list(nlp):
    found, _ = positions(nlp, "Headline\n\nOmar Haddad has made several controversial statements on the matter, "
                              "including a call for a temporary ban on foreign fishing boats.\n")
    assert has(found, "Omar Haddad", "supports", "ban on foreign fishing boats"), found
    found, _ = positions(nlp, "Headline\n\nOmar Haddad criticized several statements, including a call for a "
                              "temporary ban on foreign fishing boats.\n")
    assert not any(a == "Omar Haddad" for a, _s, _p in found), found


def test_abandoning_a_person_rejects_their_candidacy(nlp):
    found, _ = positions(nlp, "Headline\n\nSenator Julia Park leads the race. Despite Tomas Berg's call to abandon "
                              "Julia Park, she still leads. The Daily Courier urged voters to abandon Park.\n")
    assert has(found, "Tomas Berg", "rejects", "candidacy of Julia Park"), found
    assert has(found, "Daily Courier", "rejects", "candidacy of Julia Park"), found
    assert not any(s == "supports" for _a, s, _p in found), found


def test_passive_subject_controls_the_complement(nlp):
    found, _ = positions(nlp, "Headline\n\nWhile the Green Party is united in supporting the congestion charge, "
                              "the Liberal Party is divided.\n")
    assert has(found, "Green Party", "supports", "congestion charge"), found
    assert not any(a == "Liberal Party" for a, _s, _p in found), found
    found, _ = positions(nlp, "Headline\n\nWhile Green voters are united in supporting the congestion charge, "
                              "the Liberal Party is divided.\n")
    assert not any(a == "Liberal Party" for a, _s, _p in found), found


def test_labels_span_doubled_apostrophe_quotes(nlp):
    found, _ = positions(nlp, "Headline\n\nSenator Paul Okafor proposed a ''carbon dividend'' scheme.\n")
    assert has(found, "Paul Okafor", "supports", "carbon dividend scheme"), found


def test_bill_label_skips_a_time_phrase_before_its_clause(nlp):
    found, _ = positions(nlp, "Headline\n\nSenator Paul Okafor introduced a bill last month that would end private "
                              "prison contracts with the government.\n")
    assert has(found, "Paul Okafor", "supports", "bill that would end private prison contracts"), found


def test_hoped_for_outcomes_are_no_course_of_action(nlp):
    found, _ = positions(nlp, "Headline\n\nThe White House urged the two unions to find a compromise. "
                              "Senator Julia Park urged voters to unite behind her against the mayor.\n")
    assert found == set(), found


def test_a_place_is_no_proposal_but_what_it_should_do_is(nlp):
    found, _ = positions(nlp, "Headline\n\nThe Green Party backs Silicon Valley.\n")
    assert found == set(), found
    found, _ = positions(nlp, "Headline\n\nThe Green Party renewed its calls for Silicon Valley to roll back the "
                              "encryption in its products.\n")
    assert has(found, "Green Party", "supports", "Silicon Valley roll back the encryption"), found


def test_urging_a_vote_takes_the_vote_cue_stance(nlp):
    found, _ = positions(nlp, "Headline\n\nThe Teamsters urged their members to vote against the pension bill.\n")
    assert ("Teamsters", "rejects", "pension bill") in found, found
    assert not any(s == "supports" for _a, s, _p in found), found
    found, _ = positions(nlp, "Headline\n\nSenator Julia Park is running for mayor. Tomas Berg urged women to vote for Julia Park.\n")
    assert ("Tomas Berg", "supports", "candidacy of Julia Park") in found, found


def test_relative_clause_on_the_addressee_is_not_the_demand(nlp):
    found, _ = positions(nlp, "Headline\n\nSenator Julia Park called on others who received money from the same "
                              "donors to return that money.\n")
    assert not any("received" in p for _a, _s, p in found), found


def test_label_drops_a_participle_whose_complement_is_dropped(nlp):
    found, _ = positions(nlp, "Headline\n\nSenator Ben Okafor advocates a progressive consumption tax modeled after one "
                              "developed by a Danish professor.\n")
    assert ("Ben Okafor", "supports", "progressive consumption tax") in found, found


def test_clause_label_keeps_a_list_of_objects(nlp):
    found, _ = positions(nlp, "Headline\n\nGovernor Lena Holm unveiled a proposal to fix highways, bridges, aging "
                              "airports and sewers.\n")
    assert has(found, "Lena Holm", "supports", "fix highways, bridges, aging airports and sewers"), found


def test_noun_summing_up_a_promise_is_not_its_object(nlp):
    found, _ = positions(nlp, "Headline\n\nGovernor Lena Holm promised to cut taxes, a move that would hurt schools.\n")
    assert has(found, "Lena Holm", "supports", "cut taxes"), found
    assert not any("move" in p for _a, _s, p in found), found


def test_person_entity_is_split_at_an_inner_possessive(nlp):
    from spacy.tokens import Doc, Span

    from kg.extract.actors import entity_of, entity_parts

    doc = Doc(nlp.vocab, words=["Critics", "mocked", "Lindqvist", "'s", "Moreno", "endorsement", "."])
    doc.ents = [Span(doc, 2, 5, label="PERSON")]  # the tagger's reading of a title-case headline
    assert [p.text for p in entity_parts(doc.ents[0])] == ["Lindqvist", "Moreno"]
    assert entity_of(doc[4]).text == "Moreno"
    assert entity_of(doc[2]).text == "Lindqvist"
    doc = Doc(nlp.vocab, words=["Brazil", "'s", "Senate", "voted"])
    doc.ents = [Span(doc, 0, 3, label="ORG")]
    assert [p.text for p in entity_parts(doc.ents[0])] == ["Brazil 's Senate"]


def test_which_refers_to_the_whole_proposal(nlp):
    found, _ = positions(nlp, "Headline\n\nVoters were upset after Lena Holm proposed raising taxes on investment income "
                              "(which Tomas Berg also supports). Omar Haddad opposes the tax on imports, which Maria "
                              "Lindqvist supports.\n")
    assert ("Tomas Berg", "supports", "raising taxes on investment income") in found, found
    assert ("Maria Lindqvist", "supports", "tax on imports") in found, found
    assert not any(p in ("investment income", "imports") for _a, _s, p in found), found


def test_group_entity_inside_a_longer_mention(nlp):
    found, _ = positions(nlp, "Headline\n\nSenate Republicans blocked the voting rights bill for a third time.\n")
    assert ("Republican Party", "rejects", "voting rights bill") in found, found


def test_unnamed_head_of_a_named_body_speaks_for_it(nlp):
    found, _ = positions(nlp, "Headline\n\nThe UN Secretary-General welcomed the climate agreement. "
                              "Germany's Chancellor rejected the tariff plan. The Texas governor vetoed the budget. "
                              "The only Democratic candidate in this race backs the carbon tax.\n")
    assert has(found, "United Nations", "supports", "climate agreement"), found
    assert has(found, "Germany", "rejects", "tariff plan"), found
    assert not any(a in ("United States", "Democratic Party") for a, _s, _p in found), found


def test_editorial_board_is_its_newspaper(nlp):
    found, _ = positions(nlp, "Headline\n\nThe Daily Courier editorial board endorsed Mayor Lisa Grant.\n")
    assert ("Daily Courier", "supports", "candidacy of Lisa Grant") in found, found


def test_it_refers_to_a_proposal_named_earlier_in_the_sentence(nlp):
    found, _ = positions(nlp, "Headline\n\nHamas said it had accepted an Egyptian proposal for a three-day truce, "
                              "while Israel rejected it. It was a good year, and Tomas Berg supported it.\n")
    assert ("Israel", "rejects", "ceasefire") in found, found
    assert not any(a == "Tomas Berg" for a, _s, _p in found), found


def test_joining_a_treaty_or_talks(nlp):
    found, _ = positions(nlp, "Headline\n\nJapan has refused to join the treaty banning nuclear weapons. "
                              "Tomas Berg joined the Green Party in 2010.\n")
    assert has(found, "Japan", "rejects", "treaty banning nuclear weapons"), found
    assert not any(a == "Tomas Berg" for a, _s, _p in found), found


def test_plural_group_restricted_by_a_participle_is_not_the_whole_group(nlp):
    found, _ = positions(nlp, "Headline\n\nHouse Republicans supporting the farm bill said they had the votes.\n")
    assert not any(a == "Republican Party" for a, _s, _p in found), found
    found, _ = positions(nlp, "Headline\n\nBritain and France, backing the fishing treaty, met in May.\n")
    assert has(found, "France", "supports", "fishing treaty"), found


def test_neither_nor_subject_negates(nlp):
    found, _ = positions(nlp, "Headline\n\nNeither the Democrats nor the Republicans support the fishing treaty.\n")
    assert ("Democratic Party", "rejects", "fishing treaty") in found, found
    assert not any(s == "supports" for _a, s, _p in found), found


def test_quantified_members_are_not_the_group(nlp):
    found, _ = positions(nlp, "Headline\n\nMost Conservative MPs oppose the assisted dying bill, a survey found. "
                              "Two Labour MPs backed the budget.\n")
    assert found == set(), found
    found, _ = positions(nlp, "Headline\n\nThe Conservative Party opposes the assisted dying bill.\n")
    assert has(found, "Conservative Party", "rejects", "assisted dying bill"), found


def test_fighting_a_proposal_rejects_it_and_fighting_for_one_supports_it(nlp):
    found, _ = positions(nlp, "Headline\n\nThe Labour Party vowed to fight the mining treaty. "
                              "The Green Party vowed to fight for a carbon tax. Tomas Berg fought the fire.\n")
    assert has(found, "Labour Party", "rejects", "mining treaty"), found
    assert has(found, "Green Party", "supports", "carbon tax"), found
    assert not any(a == "Tomas Berg" for a, _s, _p in found), found


def test_opposite_stances_in_one_sentence_are_both_kept(nlp):
    found, _ = positions(nlp, "Headline\n\nSenator Maria Lindqvist backed the pension reform in 2019 but now opposes it.\n")
    assert ("Maria Lindqvist", "supports", "pension reform") in found, found
    assert ("Maria Lindqvist", "rejects", "pension reform") in found, found


def test_guesses_and_allegations_are_no_positions(nlp):
    found, _ = positions(nlp, "Headline\n\nCritics say Senator Maria Lindqvist secretly supports the pipeline. "
                              "Analysts believe Poland will veto the budget.\n")
    assert found == set(), found
    found, _ = positions(nlp, "Headline\n\nTomas Berg thinks he can back the trade deal.\n")
    assert has(found, "Tomas Berg", "supports", "trade deal"), found


def test_throwing_support_behind_and_rallying_behind(nlp):
    found, _ = positions(nlp, "Headline\n\nItaly's Prime Minister Giorgia Meloni threw her support behind the migration pact. "
                              "The Green Party put its full weight behind the carbon tax.\n\n"
                              "Senator Julia Park is running for mayor. The Teamsters rallied behind Julia Park.\n")
    assert has(found, "Giorgia Meloni", "supports", "migration pact"), found
    assert has(found, "Green Party", "supports", "carbon tax"), found
    assert ("Teamsters", "supports", "candidacy of Julia Park") in found, found


def test_what_a_call_wants_others_to_do_is_not_their_position(nlp):
    found, _ = positions(nlp, "Headline\n\nSenator Julia Park is running for mayor. Tomas Berg called for the Teamsters "
                              "to back Julia Park. Omar Haddad called for Germany to back the fishing treaty.\n")
    assert ("Tomas Berg", "supports", "candidacy of Julia Park") in found, found
    assert has(found, "Omar Haddad", "supports", "fishing treaty"), found
    assert not any(a in ("Teamsters", "Germany") for a, _s, _p in found), found


def test_found_unacceptable_as_a_small_clause(nlp):
    found, _ = positions(nlp, "Headline\n\nThe Netherlands found the tariff proposal unacceptable.\n")
    assert has(found, "Netherlands", "rejects", "tariff proposal"), found


def test_calls_for_x_from_y_name_y_as_the_caller(nlp):
    found, _ = positions(nlp, "Headline\n\nThere were calls for a ceasefire from Egypt and Qatar.\n")
    assert ("Egypt", "supports", "ceasefire") in found, found
    assert ("Qatar", "supports", "ceasefire") in found, found
    found, _ = positions(nlp, "Headline\n\nThere were calls for troop withdrawal from Afghanistan.\n")
    assert not any(a == "Afghanistan" for a, _s, _p in found), found


def test_capitalised_modal_before_a_past_form_is_a_name(nlp):
    found, _ = positions(nlp, "Headline\n\nColumnist George Will wrote a column on Monday. Will urged the Labour Party "
                              "to reject the carbon tax.\n")
    assert ("George Will", "rejects", "carbon tax") in found, found
    found, _ = positions(nlp, "Headline\n\nWill China back the deal? Nobody knows.\n")
    assert found == set(), found


def test_urging_to_abandon_candidates_rejects_their_candidacies(nlp):
    found, _ = positions(nlp, "Headline\n\nThe Daily Courier urged the party's voters to abandon all outsider candidates.\n")
    assert has(found, "Daily Courier", "rejects", "outsider candidates"), found
    assert not any(s == "supports" for _a, s, _p in found), found


def test_calling_a_proposal_useless_rejects_it(nlp):
    found, _ = positions(nlp, "Headline\n\nSenator Maria Lindqvist called the fishing quota useless. "
                              "Mayor Ravi Patel called the toll road plan unworkable.\n")
    assert ("Maria Lindqvist", "rejects", "fishing quota") in found, found
    assert ("Ravi Patel", "rejects", "toll road plan") in found, found


def test_call_with_an_object_before_for_is_not_call_for(nlp):
    found, _ = positions(nlp, "Headline\n\nGovernor Lena Holm wants a border wall. Former Mexican leader Carlos Ruiz "
                              "calls Holm's idea for a border wall 'stupid', 'useless.'\n")
    assert not any(a == "Carlos Ruiz" and s == "supports" for a, s, _p in found), found


def test_money_received_is_no_proposal(nlp):
    found, _ = positions(nlp, "Headline\n\nSenator Omar Haddad blasted Governor Lena Holm for accepting campaign "
                              "donations from developers. Lena Holm backed the campaign finance reform.\n")
    assert not any("donations" in p for _a, _s, p in found), found
    assert has(found, "Lena Holm", "supports", "campaign finance reform"), found


def test_label_keeps_where_the_thing_proposed_is(nlp):
    found, _ = positions(nlp, "Headline\n\nGovernor Lena Holm called for a permanent fence at the northern border.\n")
    assert has(found, "Lena Holm", "supports", "fence at the northern border"), found


def test_decisions_and_promises_to_act_are_positions(nlp):
    found, _ = positions(nlp, "Headline\n\nThe IMF welcomed Argentina's decision to scrap currency controls. "
                              "Germany's decision to block the tariff deal angered Paris.\n")
    assert has(found, "Argentina", "supports", "scrap currency controls"), found
    assert has(found, "International Monetary Fund", "supports", "scrap currency controls"), found
    assert ("Germany", "rejects", "tariff deal") in found, found
    found, _ = positions(nlp, "Headline\n\nThen came Tomas Berg's decision not to follow through on threats of new "
                              "tariffs. Lena Holm showed her commitment to conservative principles.\n")
    assert found == set(), found


def test_ruling_out_a_course_of_action(nlp):
    found, _ = positions(nlp, "Headline\n\nThe UK government has ruled out rejoining the EU customs union.\n")
    assert has(found, "United Kingdom", "rejects", "EU customs union"), found


def test_label_keeps_the_subject_of_an_embedded_infinitive(nlp):
    found, _ = positions(nlp, "Headline\n\nThe Kremlin rejected any ceasefire that would allow Ukraine to rearm.\n")
    assert has(found, "Russia", "rejects", "ceasefire that would allow Ukraine to rearm"), found


def test_it_after_a_phrase_cue_in_the_same_sentence(nlp):
    found, _ = positions(nlp, "Headline\n\nSweden voted in favour of the resolution, while Hungary voted against it.\n")
    assert ("Sweden", "supports", "resolution") in found, found
    assert ("Hungary", "rejects", "resolution") in found, found


@pytest.mark.parametrize("sentence, actor, stance, proposal", [
    # verdict nouns on a judged proposal
    ("Senator Maya Torres called the pension bill \"a betrayal of workers\".", "Maya Torres", "rejects", "pension bill"),
    ("The Pacific Growers Union described the trade deal as a disaster for farmers.", "Pacific Growers Union", "rejects", "trade deal"),
    ("Minister Ole Vik branded the carbon tax a farce.", "Ole Vik", "rejects", "carbon tax"),
    # a court or panel ruling is something to welcome or reject
    ("Trade envoy Rosa Lind welcomed the ruling on Monday.", "Rosa Lind", "supports", "ruling"),
    # a negotiated compromise is an agreement
    ("Chile and Peru said they backed the compromise.", "Peru", "supports", "compromise"),
    # rejoining a treaty, and refusing to
    ("Iran will not rejoin the nuclear treaty, its foreign minister said.", "Iran", "rejects", "nuclear treaty"),
    # urging someone to drop or shelve a plan rejects it
    ("Greenpeace urged the government to shelve the mining permit scheme.", "Greenpeace", "rejects", "mining permit scheme"),
    # throwing one's weight behind a person backs their candidacy
    ("The Harbor Nurses Association threw its weight behind Dana Kim.", "Harbor Nurses Association", "supports", "candidacy of Dana Kim"),
    # wire-news idioms for taking a side
    ("Portugal gave the green light on Tuesday to the fisheries accord.", "Portugal", "supports", "fisheries accord"),
    ("Chile signed on to the lithium treaty last week.", "Chile", "supports", "lithium treaty"),
    ("The National Education Union pushed back against the school reform bill.", "National Education Union", "rejects", "school reform bill"),
    ("Vietnam poured cold water on the proposed fishing quota.", "Vietnam", "rejects", "fishing quota"),
    ("Mayor Tom Reyes pushed back on the fuel tax.", "Tom Reyes", "rejects", "fuel tax"),
    ("Norway walked away from the whaling agreement.", "Norway", "rejects", "whaling agreement"),
    ("The Farmers Alliance lobbied against the water tax for months.", "Farmers Alliance", "rejects", "water tax"),
    ("Colombia tabled a proposal for a regional fishing ban.", "Colombia", "supports", "fishing ban"),
    ("Senator Paula Nunez presented the plan to build a new port.", "Paula Nunez", "supports", "port"),
    ("The Green Party torpedoed the mining bill.", "Green Party", "rejects", "mining bill"),
    ("The sanctions resolution, drafted by Mexico, passed on Monday.", "Mexico", "supports", "sanctions resolution"),
    ("Quebec has condemned the fuel levy, its premier said.", "Quebec", "rejects", "fuel levy"),
    ("Governor Ruth Okoye signed on to a joint letter urging the president to scrap the fuel tax.", "Ruth Okoye", "rejects", "fuel tax"),
    # refusing a course of action rejects it; voting to do something backs it; voting it down rejects it
    ("Premier Jonas Lund refused to lift the moratorium on offshore drilling.", "Jonas Lund", "supports", "moratorium"),
    ("The Nordic Council voted on Monday to extend the fishing quota for two years.", "Nordic Council", "supports", "extend the fishing quota"),
    ("The Green Party, which had voted down the first draft of the water bill, walked out.", "Green Party", "rejects", "water bill"),
    ("The Fishers Union lobbied the ministry to scrap the diesel levy.", "Fishers Union", "rejects", "diesel levy"),
    ("Ohio said it would not implement the new carbon tax.", "Ohio", "rejects", "carbon tax"),
    # a lowercase description before a party's name
    ("The opposition Liberty Party backs the tariff bill.", "Liberty Party", "supports", "tariff bill"),
    ("The ruling Justice Party rejected the water tax.", "Justice Party", "rejects", "water tax"),
    ("The dockers' union Portwatch rejected the pay offer.", "Portwatch", "rejects", "pay offer"),
    ("The main opposition Alliance voted against the budget.", "Alliance", "rejects", "budget"),
    ("The Left party said it opposed the water reform in its current form.", "Left Party", "rejects", "water reform"),
    ("The far-right Alternative for Germany came out against the debt plan.", "Alternative for Germany", "rejects", "debt plan"),
    # a call joined to a warning about a proposal is the speaker's
    ("Mayor Ida Lunde warned that a permanent exemption would hurt confidence and urged lawmakers to set a time limit.",
     "Ida Lunde", "supports", "time limit"),
    # a subjunctive that-clause: what is to be brought about, or withdrawn
    ("The Green Party demanded that a climate fund be created.", "Green Party", "supports", "climate fund"),
    ("The Metal Workers Union demanded that the pension decree be withdrawn.", "Metal Workers Union", "rejects", "pension decree"),
    # parties described by their politics; a company's board; telling members how to vote
    ("The far-right Vantage rejected the amnesty law.", "Vantage", "rejects", "amnesty law"),
    ("The conservative Harmony party opposed the amnesty law.", "Harmony Party", "rejects", "amnesty law"),
    ("Karoo Mining Ltd.'s board rejected an unsolicited takeover offer from Orion Metals Plc.", "Karoo Mining", "rejects", "takeover offer"),
    ("The Liberal Party told its deputies to vote against the tax reform.", "Liberal Party", "rejects", "tax reform"),
    # a proposal that harms, in the speaker's words
    ("The Magistrates Association said the amnesty law violated the separation of powers.", "Magistrates Association", "rejects", "amnesty law"),
    ("\"The carbon tax will hurt farmers,\" Senator Ana Ruiz said.", "Ana Ruiz", "rejects", "carbon tax"),
    ("Ambassador Mark Dwyer said the judicial reform posed a major risk to democracy.", "Mark Dwyer", "rejects", "judicial reform"),
    ("The Punjab Growers' Board urged the government to exempt small farmers from the farm tax.", "Punjab Growers' Board", "supports", "exempt small farmers"),
    ("Envoy Nathalie Berger said she would recommend the bailout deal to the board.", "Nathalie Berger", "supports", "bailout deal"),
    ("President Hendra Saputra said he remained committed to the capital relocation.", "Hendra Saputra", "supports", "capital relocation"),
    ("Ankara rejected a Greek proposal to take the dispute to the International Court of Justice.", "Turkey", "rejects", "take the dispute to the International Court"),
    ("The Water Workers Union called for the firm to be taken into public ownership.", "Water Workers Union", "supports", "public ownership"),
    ("Brazil's lower house of Congress on Friday approved the tax reform.", "Brazil's lower house", "supports", "tax reform"),
    # vetoing an attempt to lift sanctions keeps them; a mediator backs what it brokered; a damaging plan
    ("Germany said it would veto any attempt to lift the sanctions.", "Germany", "supports", "sanctions"),
    ("Egypt brokered the ceasefire deal between the two sides.", "Egypt", "supports", "ceasefire"),
    ("Sweden's prime minister called the tariff plan \"deeply damaging\".", "Sweden", "rejects", "tariff plan"),
    ("Chile's foreign minister said her country would support the resolution.", "Chile", "supports", "resolution"),
    # negations: "neither ... nor" as a determiner, "no longer"; a verdict noun in reported speech
    ("Neither Kenya nor Uganda supports the buffer zone.", "Uganda", "rejects", "buffer zone"),
    ("Kenya no longer supports the buffer zone.", "Kenya", "rejects", "buffer zone"),
    ("Officials in Nairobi said they opposed the buffer zone.", "Kenya", "rejects", "buffer zone"),
    ("Diplomats from Qatar backed the ceasefire proposal.", "Qatar", "supports", "ceasefire"),
    ("The CGT and CFDT unions demanded that the pension decree be withdrawn.", "CFDT", "rejects", "pension decree"),
    ("Ghana signed a trade deal with the European Union on Monday.", "European Union", "supports", "trade deal"),
    ("Djibouti called the port deal \"regrettable\".", "Djibouti", "rejects", "port deal"),
    # support that came from someone, criticism a proposal drew, being among those backing it
    ("Support for the migration pact came from Brazil and India.", "India", "supports", "migration pact"),
    ("Russia and Ukraine agreed to a prisoner swap.", "Ukraine", "supports", "prisoner swap"),
    ("Ottawa has so far resisted pressure to join the sanctions.", "Canada", "rejects", "sanctions"),
    # an unnamed group speaks through the one leading it; a named one keeps its own voice
    ("Several EU states, led by Hungary, oppose the sanctions.", "Hungary", "rejects", "sanctions"),
    ("A coalition of 12 countries, led by Chile, backed the treaty.", "Chile", "supports", "treaty"),
    ("The Rapid Support Forces, led by General Hamdan Saleh, welcomed the ceasefire plan.", "Rapid Support Forces", "supports", "ceasefire"),
    ("Beijing vowed to retaliate against the new US tariffs.", "China", "rejects", "tariffs"),
    ("Egypt's foreign minister, Sameh Hassan, told reporters Cairo fully backed the truce plan.", "Sameh Hassan", "supports", "truce plan"),
    ("The migration pact drew criticism from Greenpeace.", "Greenpeace", "rejects", "migration pact"),
    ("France, Spain and Italy are among the countries backing the migration pact.", "Spain", "supports", "migration pact"),
    ("Travis Kimball said he was \"personally opposed\" to the assault rifle ban.", "Travis Kimball", "rejects", "assault rifle ban"),
    ("The Growers' Network vowed to march on Government House in protest against the cannabis bill.",
     "Growers' Network", "rejects", "cannabis bill"),
    ("\"This pay deal is a betrayal,\" said union leader Tom Reyes.", "Tom Reyes", "rejects", "pay deal"),
    ("Senator Ana Ruiz said the pension reform was a mistake.", "Ana Ruiz", "rejects", "pension reform"),
    # a possessive in an urged course is the addressee's; a call joined to a reported clause is the speaker's
    ("Brazil urged Peru to abandon its new mining policy.", "Brazil", "rejects", "mining policy"),
    ("The Open Roads Alliance said the bill did not go far enough and called for a ban on diesel cars.",
     "Open Roads Alliance", "supports", "ban on diesel cars"),
    ("The Liberal Party urged ministers to freeze water bills and to strip the bosses of their bonuses.", "Liberal Party", "supports", "strip the bosses of their bonuses"),
    # an overhaul is a reform; protests and strikes against one
    ("The opposition Liberty Party voted against the constitutional overhaul.", "Liberty Party", "rejects", "constitutional overhaul"),
    ("The Court Clerks Union has been on strike for three weeks against the judicial reform.", "Court Clerks Union", "rejects", "judicial reform"),
    # hailing, objecting, withdrawing, leading the opposition; supporters and critics in apposition
    ("Lithuania hailed the sanctions package as a milestone.", "Lithuania", "supports", "sanctions package"),
    ("The Dockers Union objected to the pay offer.", "Dockers Union", "rejects", "pay offer"),
    ("Canada withdrew from the arms treaty in March.", "Canada", "rejects", "arms treaty"),
    ("Poland led opposition to the migration pact.", "Poland", "rejects", "migration pact"),
    ("Senator Hal Brooks, a staunch supporter of the pipeline treaty, spoke on Monday.", "Hal Brooks", "supports", "pipeline treaty"),
    # a proposal that has, draws or faces the backing or opposition of someone
    ("The carbon tax has the backing of France and Germany.", "Germany", "supports", "carbon tax"),
    ("The pension bill has drawn fierce opposition from the National Party.", "National Party", "rejects", "pension bill"),
    ("The pension reform faces opposition from the Liberal Party.", "Liberal Party", "rejects", "pension reform"),
    # a favourable verdict in reported speech
    ("\"The fishing treaty is vital for our security,\" Foreign Minister Ana Ruiz said.", "Ana Ruiz", "supports", "fishing treaty"),
    ("Mayor Ida Lunde has been a vocal critic of the carbon tax.", "Ida Lunde", "rejects", "carbon tax"),
    # a verdict on the proposal in reported speech
    ("\"The salt tax is deeply flawed,\" Senator Ada Moss told reporters.", "Ada Moss", "rejects", "salt tax"),
    ("Minister Karl Dahl said the fishing treaty was unaffordable.", "Karl Dahl", "rejects", "fishing treaty"),
    ("Mayor Lina Roth said the port deal was not acceptable in its current form.", "Lina Roth", "rejects", "port deal"),
])
def test_general_news_cues(nlp, sentence, actor, stance, proposal):
    found, _ = positions(nlp, "Headline\n\n" + sentence)
    assert has(found, actor, stance, proposal), found


def test_a_verdict_of_the_author_is_no_position_but_one_on_this_in_a_quote_is(nlp):
    found, _ = positions(nlp, "Headline\n\nThe salt tax is deeply flawed.\n\n"
                              "\"This is unaffordable,\" Senator Ada Moss said of the salt tax.\n")
    assert found == {("Ada Moss", "rejects", "salt tax")}, found


def test_the_vote_and_the_outcome_refer_back(nlp):
    found, _ = positions(nlp, "Headline\n\nThe council approved the harbour expansion plan on Monday.\n\n"
                              "The Port Workers Union welcomed the vote.\n")
    assert has(found, "Port Workers Union", "supports", "harbour expansion plan"), found


def test_lifting_ends_what_was_in_force(nlp):
    found, _ = positions(nlp, "Headline\n\nOslo refused to lift the ban on whaling.\n\n"
                              "The Green Party urged the government to lift sanctions on Cuba.\n")
    assert has(found, "Norway", "supports", "ban"), found
    assert has(found, "Green Party", "rejects", "sanctions on Cuba"), found


def test_it_is_vital_to_is_no_verdict_on_a_proposal(nlp):
    found, _ = positions(nlp, "Headline\n\nChile backed the fishing treaty.\n\n"
                              "Minister Ana Ruiz said it was vital to reach a deal on quotas.\n")
    assert not any(a == "Ana Ruiz" for a, _s, _p in found), found


def test_support_from_its_own_members_is_no_position_on_the_holder(nlp):
    found, _ = positions(nlp, "Headline\n\nSenator Ana Ruiz has support for the carbon tax.\n\n"
                              "The Dockers Union has support from its members.\n")
    assert found == {("Ana Ruiz", "supports", "carbon tax")}, found


def test_voting_in_favour_or_against_with_nothing_after_is_on_the_proposal_just_reported(nlp):
    found, _ = positions(nlp, "Headline\n\nThe Senate passed the pension bill by 60 votes to 40. "
                              "The Green Party and the Labour Party voted in favour, while the Liberal Party voted against.\n")
    assert ("Green Party", "supports", "pension bill") in found, found
    assert ("Labour Party", "supports", "pension bill") in found, found
    assert ("Liberal Party", "rejects", "pension bill") in found, found


def test_harm_without_a_speaker_or_denied_is_no_position(nlp):
    found, _ = positions(nlp, "Headline\n\nThe carbon tax will hurt farmers.\n\n"
                              "Senator Ana Ruiz said the carbon tax would not hurt farmers.\n\n"
                              "Analysts said the drought would hurt farmers.\n")
    assert not found, found


def test_takeover_offer_label_leaves_out_the_sum_and_the_bidder(nlp):
    _, result = positions(nlp, "Headline\n\nKaroo Mining rejected a $4.2 billion takeover offer from Orion Metals Plc.\n")
    assert result.statements[0].proposal.label == "takeover offer"


def test_the_question_put_to_voters_is_what_the_measure_is(nlp):
    found, _ = positions(nlp, "Headline\n\nOregon voters will decide in November whether to ban the sale of "
                              "assault rifles, after a petition drive backed by safety groups gathered enough signatures.\n\n"
                              "Governor Ruth Hale endorsed the measure.\n")
    assert has(found, "Ruth Hale", "supports", "ban the sale of assault rifles"), found


def test_the_dateline_is_not_the_government_of_a_story_about_another_state(nlp):
    found, _ = positions(nlp, "Iran deal\n\nLONDON (Reuters) - Iran rejected the nuclear deal on Monday.\n\n"
                              "The government said it would not accept the nuclear deal.\n")
    assert not any(a == "United Kingdom" for a, _s, _p in found), found
    found, _ = positions(nlp, "Iran deal\n\nPARIS - Iranian Foreign Minister Abbas Araqchi said his government "
                              "would reject the nuclear deal.\n")
    assert {a for a, _s, _p in found} == {"Abbas Araqchi", "Iran"}, found


def test_criticised_for_a_reason_is_no_proposal(nlp):
    found, _ = positions(nlp, "Headline\n\nSenator Ana Smith criticised the pension plan for ignoring farmers.\n")
    assert found == {("Ana Smith", "rejects", "pension plan")}, found


def test_the_government_of_the_dateline(nlp):
    found, _ = positions(nlp, "Water firm faces collapse\n\nLONDON - The government on Tuesday ruled out a taxpayer "
                              "bailout of Severn Water.\n")
    assert has(found, "United Kingdom", "rejects", "bailout"), found
    found, _ = positions(nlp, "Water firm faces collapse\n\nGENEVA - The government on Tuesday ruled out a taxpayer "
                              "bailout of Severn Water.\n")
    assert not found, found


def test_the_union_is_the_union_named_before(nlp):
    found, _ = positions(nlp, "Headline\n\nThe Great Lakes Educators Union endorsed Dana Hollister.\n\n"
                              "Bill Strand has proposed a voucher program for private schools, a plan the union strongly opposes.\n")
    assert ("Great Lakes Educators Union", "rejects", "voucher program for private schools") in found, found


def test_a_promise_after_a_reported_perfect_is_the_speakers(nlp):
    found, _ = positions(nlp, "Headline\n\nMADRID - Party leader Ana Llorente said the government had sold the rule "
                              "of law for seven votes and promised to repeal the amnesty law.\n")
    assert found == {("Ana Llorente", "rejects", "amnesty law")}, found


def test_welcoming_the_decision_to_scrap_something_rejects_it(nlp):
    found, _ = positions(nlp, "Headline\n\nGhana will scrap its petrol subsidy from July 1, the finance minister said.\n\n"
                              "The Fuel Retailers Association welcomed the decision.\n")
    assert ("Fuel Retailers Association", "rejects", "petrol subsidy") in found, found


def test_the_proposal_is_the_one_the_article_keeps_naming(nlp):
    found, _ = positions(nlp, "Headline\n\nThe coalition unveiled a plan to exempt defence spending from the debt brake.\n\n"
                              "Chancellor Olaf Berg defended the proposal.\n\n"
                              "The Liberty Party came out against the plan.\n\n"
                              "The Green Party opposed the reform, criticising its focus on weapons.\n\n"
                              "The Bundesbank poured cold water on the proposal.\n")
    assert has(found, "Bundesbank", "rejects", "exempt defence spending"), found


def test_a_course_a_government_announces_in_the_lead(nlp):
    found, _ = positions(nlp, "Headline\n\nLIMA - Peru's government will take majority control of all new copper "
                              "projects, officials said on Thursday.\n\n"
                              "The Andean Mining Council criticized the plan.\n\n"
                              "Chile will raise its copper royalty next year, the minister said.\n")
    assert has(found, "Peru", "supports", "take majority control of all new copper projects"), found
    assert has(found, "Andean Mining Council", "rejects", "majority control"), found
    assert not any(a == "Chile" for a, _s, _p in found), found  # not the lead: a claim among others


def test_a_list_of_parties_with_appositions_all_vote(nlp):
    found, _ = positions(nlp, "Headline\n\nSpain's parliament approved the amnesty law on Thursday. The Socialists, "
                              "their left-wing partner Sumar and the Catalan parties Junts and ERC voted in favour.\n")
    # (ERC and Junts are gazetteer parties: their labels are the full names)
    assert {"Socialists", "Sumar", "Republican Left of Catalonia", "Junts per Catalunya"} <= \
           {a for a, s, p in found if s == "supports" and p == "amnesty law"}, found


def test_a_hyphenated_name_split_by_the_parser_is_one_subject(nlp):
    found, _ = positions(nlp, "Headline\n\nGreenLeft-Labour criticised the nitrogen plan as too timid.\n")
    assert not any("Labour Party" == a for a, _s, _p in found), found


def test_a_communique_endorsing_a_plan_is_how_not_what(nlp):
    found, _ = positions(nlp, "Headline\n\nKenya, Uganda and Ethiopia signed a joint communique endorsing the peace plan.\n")
    assert {p for _a, _s, p in found} == {"peace plan"}, found
    assert {a for a, _s, _p in found} == {"Kenya", "Uganda", "Ethiopia"}, found


def test_verdict_noun_needs_a_proposal(nlp):
    found, _ = positions(nlp, "Headline\n\nSenator Maya Torres called the rally a joke.\n")
    assert not found


def test_this_goal_refers_back(nlp):
    found, _ = positions(nlp, "Headline\n\nRich nations proposed a climate finance deal worth $200 billion a year.\n\n"
                              "\"We cannot accept this goal,\" Kenyan envoy Amos Otieno said.\n")
    assert has(found, "Amos Otieno", "rejects", "climate finance deal"), found


def test_party_names_that_contain_a_demonym(nlp):
    found, _ = positions(nlp, "Headline\n\nThe Social Democrats and the Greens endorsed the rent cap initiative.\n\n"
                              "Liberal Democrat MPs voted against the surveillance bill.\n\n"
                              "House Republicans opposed the water bill.\n")
    assert has(found, "Social Democrats", "supports", "rent cap"), found
    assert has(found, "Greens", "supports", "rent cap"), found
    assert ("Liberal Democrats", "rejects", "surveillance bill") in found, found
    assert ("Republican Party", "rejects", "water bill") in found, found
    assert not any(a == "Democratic Party" for a, _s, _p in found), found


def test_the_government_is_the_one_named_before(nlp):
    found, _ = positions(nlp, "Headline\n\nThe Chilean government's pension bill cleared the lower house on Monday.\n\n"
                              "The government refused to drop the copper levy, a spokesman said.\n\n"
                              "Labour Minister Rosa Vidal said the government would not accept a wage freeze.\n")
    assert has(found, "Chile", "supports", "copper levy"), found  # refusing to drop it keeps it
    assert has(found, "Chile", "rejects", "wage freeze"), found
    assert has(found, "Rosa Vidal", "rejects", "wage freeze"), found


def test_the_government_with_none_named_before_is_the_speakers(nlp):
    found, _ = positions(nlp, "Headline\n\nLabour Minister Rosa Vidal said the government would not accept a wage freeze.\n")
    assert {a for a, _s, _p in found} == {"Rosa Vidal"}, found


def test_an_official_speaks_for_their_own_country(nlp):
    found, _ = positions(nlp, "Headline\n\nIrish Finance Minister Paul Byrne said his government would back the digital tax.\n\n"
                              "Senator Ruth Kane said her government would back the fuel tax.\n")
    assert has(found, "Ireland", "supports", "digital tax"), found
    assert has(found, "Paul Byrne", "supports", "digital tax"), found
    assert {a for a, _s, p in found if "fuel tax" in p} == {"Ruth Kane"}, found


def test_a_proposal_by_someone_for_something_hung_on_the_verb(nlp):
    # the parser attaches "for a ... truce" to "rejected", not to "proposal"
    found, _ = positions(nlp, "Headline\n\nMali on Thursday rejected a proposal by Ghana and Togo for a 60-day truce.\n")
    assert ("Mali", "rejects", "ceasefire") in found, found
    assert ("Ghana", "supports", "ceasefire") in found, found
    assert ("Togo", "supports", "ceasefire") in found, found
    assert not any(p == "proposal" for _a, _s, p in found), found


def test_bare_support_is_for_the_proposal_just_reported(nlp):
    found, _ = positions(nlp, "Headline\n\nThe Security Council approved a peacekeeping mission in Chad.\n\n"
                              "Niger, however, signalled support and offered troops.\n\n"
                              "Norway pledged support to Mali.\n")
    assert has(found, "Niger", "supports", "peacekeeping mission"), found
    assert not any(a == "Norway" for a, _s, _p in found), found


def test_the_bloc_named_only_as_a_modifier_before(nlp):
    found, _ = positions(nlp, "Headline\n\nTalks collapsed after both leaders walked away from an African Union plan.\n\n"
                              "AU envoy Kofi Adjei said the bloc stood by the plan.\n")
    assert has(found, "African Union", "supports", "plan"), found


def test_a_bare_definite_mention_is_the_proposal_named_before(nlp):
    found, _ = positions(nlp, "Headline\n\nPeru threatened to veto the trade agreement with the Andean bloc.\n\n"
                              "Chile has championed the agreement for two decades.\n\n"
                              "Spain backed the pension bill on Monday. Italy opposed the bill.\n\n"
                              "Greece backed the provision.\n")
    assert ("Chile", "supports", "trade agreement with the Andean bloc") in found, found
    assert ("Italy", "rejects", "pension bill") in found, found
    assert not any(a == "Greece" and p == "pension bill" for a, _s, p in found), found


def test_variants_of_one_proposal_name_merge_within_an_article(nlp):
    found, result = positions(nlp, "Mali rejects Ghana-Togo truce plan\n\n"
                                   "Mali on Thursday rejected a 60-day humanitarian truce proposed by Ghana and Togo.\n\n"
                                   "Niger welcomed the ceasefire.\n")
    proposals = {s.proposal.key for s in result.statements}
    assert len(proposals) == 1, found
    merged = result.statements[0].proposal
    assert merged.proposal_type == "Ceasefire"
    assert {"Mali", "Niger"} <= {a for a, _s, _p in found}, found
    assert "60-day" in merged.qualifiers


def test_proposals_told_apart_by_a_word_stay_apart(nlp):
    found, result = positions(nlp, "Headline\n\nSpain backed the pension bill.\n\nItaly opposed the housing bill.\n")
    assert {p for _a, _s, p in found} == {"pension bill", "housing bill"}, found


@pytest.mark.parametrize("sentence", [
    # refusing to act on a person, supporting a country, taking one's fight somewhere, plans for an event,
    # a verdict denied or nobody's
    "Senator Ana Ruiz said the pension reform was not a mistake.",
    "The pension reform was a mistake.",
    "Many officials in Nairobi opposed the buffer zone.",  # some of them, not the state
    # what the speaker reported someone else did; envoys meeting somewhere; a truce that weakened;
    # a company's business plans
    "Amnesty International said the government had arrested protesters and rejected the UN peace plan.",
    "Negotiators in Doha said the truce plan was flawed.",
    "The UN said the truce had weakened.",
    "Apple will cut 5,000 jobs, the company said.",
    'The governor stuck to her message, refusing to attack her rivals.',
    'Israel is the main issue for Ruth Adler, a fierce supporter of the nation.',
    'Senator Ana Ruiz said she would take her fight to the 35 states.',
    'Senator Lena Ortiz revamped her plans for an important Monday appearance before a group of executives.',
])
def test_no_position_in_sentences_that_name_no_proposal(nlp, sentence):
    found, _ = positions(nlp, "Headline\n\n" + sentence + "\n")
    assert not found, found
