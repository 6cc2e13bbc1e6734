"""Find the token naming who takes a position: a cue's subject (through conjunction, control
and relative clauses), the speaker of reported speech, the one praised or blamed "for" something."""

from __future__ import annotations

from spacy.tokens import Span, Token

from kg.extract.actors import GOVERNMENT_NOUNS, RELATIVE_PRONOUNS, organisation_heads
from kg import gazetteer
from kg.extract.lexicon import Lexicon
from kg.extract.context import ACTOR_ENTS, QUOTE_MARKS, SentenceContext, _inside_quote, subjects_of

_QUANTIFIERS = {"lot", "lots", "many", "some", "most", "few", "majority", "minority", "number", "millions",
               "thousands", "hundreds", "half", "percent", "share", "plenty", "dozens", "none", "all"}
_OWN_GOVERNMENT_NOUNS = {"government", "administration", "cabinet", "country", "province"}


def _speech_subject(token: Token, ctx: SentenceContext) -> Token | None:
    """The speaker of the reported speech containing TOKEN ("..., he said"; "X said that ...")."""
    node = token
    while node.head != node:
        head = node.head
        if head.lemma_.lower() in ctx.lexicon.speech_verbs and node.dep_ in ("ccomp", "parataxis", "xcomp", "advcl", "conj"):
            subjects = subjects_of(head)
            if subjects:
                return subjects[0]
            if head.tag_ == "VBG" and head.dep_ in ("advcl", "xcomp", "conj") and head.head != head:
                # "the group refused to sign it, saying the plan ignored its demand": the one who refused
                outer = subjects_of(head.head)
                if outer:
                    return outer[0]
        node = head
    root = token.sent.root
    if root.lemma_.lower() in ctx.lexicon.speech_verbs:
        subjects = subjects_of(root)
        if subjects and subjects[0] != token:
            return subjects[0]
    split = _split_quote_speech(root, ctx.lexicon)
    if split is not None:
        # '"Our members," said Dieter Hahn, "reject the sugar levy."': the speaker outside the quotes
        speaker = next((c for c in subjects_of(split) if not _inside_quote(c, token.sent)), None)
        if speaker is not None and speaker != token:
            return speaker
    return ctx.quote_speaker


def _split_quote_speech(root: Token, lexicon: Lexicon) -> Token | None:
    """The speech verb set inside a quote split in two ('"This deal," X said, "is one we ..."'),
    which the parser hangs on the quote's main verb."""
    return next((c for c in root.children if c.dep_ == "parataxis" and c.lemma_.lower() in lexicon.speech_verbs
                 and c.i < root.i), None)  # '"...," X said. "This deal is a betrayal."': still X speaking


def quote_attribution(sent: Span, lexicon: Lexicon) -> Token | None:
    """The speaker SENT attributes a quote to ('"...," the minister said'), if it has a quote."""
    if not any(t.text in QUOTE_MARKS for t in sent):
        return None
    for token in sent:
        if token.lemma_.lower() in lexicon.speech_verbs and token.pos_ in ("VERB", "AUX") \
                and not _inside_quote(token, sent):
            subject = next(iter(subjects_of(token)), None)
            if subject is not None and not _inside_quote(subject, sent):
                return subject
    return None


def continues_quote(sent: Span, open_quote: bool) -> bool:
    """Whether SENT goes on with a quote: one of its own ('"We will not pay."'), or the rest of a
    quote left open by the sentence before (OPEN_QUOTE). Whose it is, if SENT names no speaker
    (quote_attribution), is the last speaker's."""
    words = [t for t in sent if not t.is_space]
    return bool(words) and (open_quote or words[0].text in QUOTE_MARKS)


def quote_marks(sent: Span) -> int:
    return sum(1 for t in sent if t.text in QUOTE_MARKS)


def find_subject(verb: Token, lexicon: Lexicon, depth: int = 0) -> Token | None:
    """The token naming who does VERB, climbing through conjunction, control and relative clauses."""
    if depth > 5:
        return None
    for child in subjects_of(verb):
        if child.text.lower() in RELATIVE_PRONOUNS and verb.dep_ == "relcl":
            return verb.head
        if child.lemma_.lower() in lexicon.documents and child.dep_ == "nsubj":
            return _document_author(child) or child  # "Ireland's letter urged X", "a letter from X urged Y"
        return child
    split = _split_quote_speech(verb, lexicon) if verb.dep_ == "ROOT" else None
    if split is not None:
        # '"Our members," said Dieter Hahn, "reject the levy."': the quote's first part is the subject
        opening = next((c for c in split.children if c.dep_ in ("nsubj", "dep") and c.i < split.i
                        and _inside_quote(c, verb.sent)), None)
        if opening is not None:
            return opening
    for child in verb.children:
        if child.dep_ == "agent":
            objs = [c for c in child.children if c.dep_ == "pobj"]
            if objs:
                return objs[0]
    if verb.tag_ in ("VBD", "VBN"):
        for child in verb.children:
            if child.dep_ == "aux" and child.tag_ == "MD" and child.text[:1].isupper() and child.i < verb.i \
                    and not any(a.dep_ in ("aux", "auxpass") and a.tag_ != "MD" for a in verb.children):
                return child  # "Instead, Will called for ...": a capitalised "modal" before a past form is a name
    if depth > 0:
        for child in verb.children:
            if child.dep_ == "nsubjpass":
                return child  # "X are united in supporting Y", "X was urged to accept Y": X
    dep = verb.dep_
    head = verb.head
    if head == verb:
        return None
    if dep == "conj":
        subject = find_subject(head, lexicon, depth + 1)
        reported = head.dep_ == "ccomp" and head.i < verb.i and (
            head.head.lemma_.lower() in lexicon.speech_verbs or head.head.lemma_.lower() in lexicon.word_sets["warning_verbs"])
        perfect_then_past = any(a.dep_ == "aux" and a.lower_ == "had" for a in head.children) \
            and verb.tag_ == "VBD" and not any(a.dep_ == "aux" for a in verb.children) \
            and verb.lemma_.lower() in lexicon.word_sets["pledging_verbs"]  # "... and promised to repeal it"; not "... and rejected it"
        backshifted = any(a.dep_ == "aux" and a.lower_ in ("had", "would") for a in verb.children) \
            and subject is not None and subject.lemma_.lower() not in lexicon.proposal_heads
        # ("X said the group welcomed the talks and had proposed a truce": still the group's)
        if subject is not None and reported and not backshifted and (_names_a_proposal(subject, lexicon) or perfect_then_past):
            # "X said the bill did not go far enough and called for Y": the parser joins the call to
            # the reported clause, whose subject is a proposal; the speaker makes the call. So too
            # "X said the government had sold Y and promised to repeal Z", where the tenses tell it
            return find_subject(head.head, lexicon, depth + 1)
        return subject
    if dep == "pcomp" and head.pos_ == "ADP" and head.head != head:
        addressee = _addressee_of_for_phrase(head, lexicon)
        if addressee is not None:
            return addressee  # "criticized Clinton for accepting X": Clinton accepts
        if head.head.pos_ == "NOUN" and head.head.lemma_.lower() in lexicon.word_sets["intent_nouns"] \
                and head.head.dep_ in ("dobj", "attr") and head.head.head.pos_ in ("VERB", "AUX"):
            return find_subject(head.head.head, lexicon, depth + 1)  # "I have no intention of backing X"
        return find_subject(head.head, lexicon, depth + 1) if head.head.pos_ in ("VERB", "AUX") else None
    if dep in ("xcomp", "advcl", "pcomp"):
        if dep == "xcomp" and any(c.dep_ in ("dobj", "dative") for c in head.children) and head.lemma_.lower() not in ("help",):
            return None  # object control: "urged Iran to accept" is not Iran accepting
        if head.pos_ in ("VERB", "AUX"):
            return find_subject(head, lexicon, depth + 1)
        if head.pos_ == "ADJ":  # "willing to engage", "ready to sign"
            if head.dep_ in ("oprd", "advcl"):  # "empowers senators willing to back X": the object is willing
                objects = [c for c in head.head.children if c.dep_ == "dobj" and c.right_edge.i == head.i - 1]
                if objects:
                    return objects[0]
            return find_subject(head.head, lexicon, depth + 1) if head.head != head else None
    if dep in ("relcl", "acl") and head.lemma_.lower() in lexicon.word_sets["intent_nouns"] \
            and head.dep_ in ("dobj", "attr") and head.head.pos_ in ("VERB", "AUX") \
            and any(c.dep_ == "det" and c.lower_ == "no" for c in head.children) and head.head.lemma_ != "be":
        return find_subject(head.head, lexicon, depth + 1)  # "Germany has no plans to sign X"
    if dep in ("relcl", "acl"):
        noun = head
        if noun.dep_ == "appos" and noun.pos_ in ("PRON", "DET") and noun.head != noun:
            noun = noun.head  # "with X, Y and Z all calling for ...": "all" stands for X, Y and Z
        if noun.dep_ == "pobj" and noun.head.head.lemma_.lower() in _QUANTIFIERS:
            return None  # "lots of Democrats supporting X" are some people, not the party
        # "Ukraine was one of the first to support": climb to the copula's subject
        node = noun
        for _ in range(4):
            if node.dep_ in ("attr", "acomp") or (node.dep_ == "prep" and node.lower_ == "among"
                                                  and node.head.lemma_ == "be"):
                # ("X, Y and Z are among the countries backing it": the copula's subject)
                return find_subject(node.head, lexicon, depth + 1)
            if node.dep_ in ("pobj", "prep"):
                node = node.head
                continue
            if node.dep_ == "dobj" and node.head.lemma_.lower() in lexicon.word_sets["joining_verbs"]:
                # "Colombia and Ireland joined the countries calling for a moratorium": they call for it too
                return find_subject(node.head, lexicon, depth + 1)
            break
        if noun.lemma_.lower() in lexicon.documents and noun.dep_ == "dobj" \
                and noun.head.lemma_.lower() in lexicon.document_verbs:
            # "X and Y issued a joint statement backing the deal": the statement speaks for its issuers
            return find_subject(noun.head, lexicon, depth + 1)
        if noun.lemma_.lower() in lexicon.documents and noun.dep_ == "pobj" \
                and noun.head.head.lemma_.lower() in lexicon.document_verbs:
            # "X signed on to a letter urging Y": the signatories speak through it
            return find_subject(noun.head.head, lexicon, depth + 1)
        author = _document_author(noun) if noun.lemma_.lower() in lexicon.documents else None
        if author is not None:
            return author  # "a letter from ten states calling for X", "Kenya's motion urging X"
        if dep == "acl" and verb.tag_ == "VBG" and noun.tag_ in ("NNS", "NNPS") and verb.i > noun.i \
                and not any(t.is_punct for t in verb.doc[noun.i + 1:verb.i]):
            return None  # "House Republicans supporting the bill said ...": those of them who do, not the party
        if noun.pos_ in ("PROPN", "NOUN", "PRON"):
            return noun
    if dep in ("acomp", "oprd") and head.pos_ in ("VERB", "AUX"):
        return find_subject(head, lexicon, depth + 1)
    return None


def _document_author(document: Token) -> Token | None:
    """Who wrote a letter, statement or petition, where the phrase says so: "Ireland's letter",
    "a letter from ten member states", "a statement by the union", "a petition signed by X"."""
    for child in document.children:
        if child.dep_ == "poss" and (child.pos_ == "PROPN" or child.ent_type_ in ACTOR_ENTS):
            return child
        if child.dep_ == "prep" and child.lower_ in ("from", "by"):
            author = next((c for c in child.children if c.dep_ == "pobj"), None)
            if author is not None and author.ent_type_ not in ("DATE", "TIME", "CARDINAL"):
                return author
        if child.dep_ == "acl" and child.tag_ == "VBN":
            agent = next((c for a in child.children if a.dep_ == "agent" for c in a.children if c.dep_ == "pobj"), None)
            if agent is not None:
                return agent
    return None


def _names_a_proposal(token: Token, lexicon: Lexicon) -> bool:
    """Whether TOKEN is a common noun for no one who could take a side ("the bill", "a permanent
    exemption"): not a person or group word, a role, an organisation or a government."""
    if token.pos_ != "NOUN" or token.ent_type_:
        return False
    lemma = token.lemma_.lower()
    return not (lemma in lexicon.people or token.lower_ in lexicon.people or lemma in gazetteer.collective_nouns()
                or lemma in organisation_heads() or gazetteer.is_role_word(lemma) or lemma in GOVERNMENT_NOUNS
                or lemma in _OWN_GOVERNMENT_NOUNS or any(c.ent_type_ in ACTOR_ENTS for c in token.children))


def _addressee_of_for_phrase(prep: Token, lexicon: Lexicon) -> Token | None:
    """The named object of "VERB X for ...": praising, blaming or criticising X for doing or
    supporting something says what X did, not what the subject did."""
    verb = prep.head
    if prep.lower_ != "for" or prep.dep_ != "prep" or verb.pos_ != "VERB":
        return None
    objects = [c for c in verb.children if c.dep_ == "dobj" and c.i < prep.i]
    if objects and (objects[0].ent_type_ in ACTOR_ENTS or objects[0].lower_ in ("him", "her", "them")):
        return objects[0]
    if objects and verb.lemma_.lower() in lexicon.word_sets["praising_verbs"] | lexicon.word_sets["blaming_verbs"]:
        return objects[0]  # "condemned the board for passing X": the board passed it, whoever it is
    return None


def _governing_subject(token: Token, ctx: SentenceContext) -> Token | None:
    """The subject of the verb a noun or adjective cue hangs from ("X expressed support for")."""
    node = token
    for _ in range(6):  # "X is one of a handful of supporters of Y": two "of" phrases to climb
        head = node.head
        if head == node:
            return None
        if head.pos_ in ("VERB", "AUX"):
            if node.dep_ in ("dobj", "attr", "acomp", "oprd", "prep", "pobj", "npadvmod", "advmod") or head.lemma_ == "be":
                return find_subject(head, ctx.lexicon)
            return None
        if head.pos_ == "ADJ" and head.lemma_.lower() in ctx.lexicon.adjectives and node.dep_ == "prep":
            return None  # "Berlin is cool towards the proposal for X": the attitude is Berlin's, not the proposal
        node = head
    return None
