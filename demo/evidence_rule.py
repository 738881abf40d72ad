"""
The rating rule as published on "How we rate evidence", and the evidence levels' one-line rules.

Kept apart from the page tree so the rule has one home: the page body below, the level
descriptions (also in fixtures/vocabularies.json and migration 0008) and the checks editors meet in
the admin (catalogue/models/rating.py) say the same thing.
"""

from website.models import StandardPage

RATING_RULE_INTRODUCTION = (
    "Every programme carries one rating on a single ordered scale, with the studies it rests on, a written "
    "rationale and the date it was rated. Guidance carries its status instead of a rating."
)

RATING_RULE_HTML = """
<h2>The rule</h2>
<p><b>A rating rests on the primary outcome.</b> For each study of the programme itself we read the outcome or
outcomes the study named as primary in its protocol or report. The rating follows what the study found on
those outcomes. Secondary outcomes are listed in the entry's rating basis, but they never raise or lower a rating.
Where a study named no primary outcome (common in before-and-after and practice evaluations), the rating rests
on the findings its authors report as main, and the rating basis says so.</p>
<p><b>Which studies count.</b> A rigorous comparison study is a randomised controlled trial, or a
quasi-experimental study that adjusts for the main differences between the groups it compares. Where the
authors say they could not allow for key differences (for example the severity of a parent's drug use), the
study is a comparison without adequate controls.</p>
<ul>
<li><b>Benefit on the primary outcome</b> in a rigorous comparison study: Moderate (Strong with two or more,
at least one in the UK). In a before-and-after study or a comparison without adequate controls: Promising.</li>
<li><b>No benefit on the primary outcome</b> in a rigorous comparison study: No benefit found, even when some
secondary outcomes improved. The entry names those secondary findings.</li>
<li><b>A mixed result</b> (benefit on one primary outcome and none on another, or rigorous studies that
disagree): Promising at most, with every result shown in the rating basis.</li>
<li><b>Harm</b> on a primary outcome: Possible harm.</li>
<li><b>A result we have not read.</b> We rate only on results we have read. If we have not seen a study's
result on one of its primary outcomes, the programme is Not yet rated, and the entry says which result is
missing.</li>
</ul>
<p><b>Who the study included.</b> The rating basis says when a study excluded families like those this
catalogue is about, for example mothers whose baby was to be removed at birth. The rating still follows the
rule, but read it with that in mind.</p>
<h2>Case studies and local practice</h2>
<p>A case study describes one area's practice. It may carry Practice-informed when a published evaluation or
review of that practice exists (qualitative, audit, process or outcome evaluation), or Not yet rated. It never
carries a research rating, even when the study behind it compared groups, so that nobody mistakes a local
example for a tested programme. An illustrative (fictional) example is never rated.</p>
<h2>Guidance</h2>
<p>Legislation, statutory guidance, practice directions, non-statutory guidance, research reports and drafts
are not programmes, so they are not rated. Each shows its status, publisher and date instead.</p>
<h2>Not yet rated</h2>
<p>Not yet rated is for programmes we have not assessed, or cannot yet rate under this rule. Each says why:
no published evaluation, an evaluation we have not read, or a result missing from what we have read.</p>
<h2>What editors cannot get past</h2>
<p>The catalogue's editing screens refuse a rating that breaks the checkable parts of this rule. Moderate,
Strong and No benefit found need a cited randomised or quasi-experimental study marked as the one the rating
rests on. Promising needs a cited outcome study, and Practice-informed a cited evaluation. A case study cannot
take a research rating, and an illustrative example cannot be rated at all.</p>
<p>The scale is aligned with the Early Intervention Foundation's evidence levels and the California
Evidence-Based Clearinghouse ratings, shown in brackets beside each level.</p>
""".strip()

# Evidence level slug -> its one-line rule (EvidenceLevel.description).
LEVEL_RULES = {
    "strong": "Benefit on the primary outcome in two or more rigorous comparison studies (randomised controlled "
    "trials or well-controlled quasi-experimental designs), at least one of them in the UK.",
    "moderate": "Benefit on the primary outcome in at least one rigorous comparison study.",
    "promising": "Preliminary evidence of benefit: a pre/post study or a comparison without adequate controls "
    "that found benefit, or a rigorous study with mixed results on its primary outcomes.",
    "practice-informed": "Documented, evaluated local practice (qualitative, audit or process evaluation) with no "
    "outcome study that supports a research rating. Case studies carry this tier, never a higher one.",
    "no-benefit-found": "A rigorous comparison study found no benefit on its primary outcome, whatever it found "
    "on secondary outcomes (listed in the rating basis).",
    "possible-harm": "A study found harm to parents or babies on its primary outcome.",
    "not-yet-rated": "We have not yet assessed the evidence for this programme, or cannot yet rate it under our "
    "rule; the entry says why.",
}


RULE_MARK = "A rating rests on the primary outcome."


def publish_rating_rule() -> bool:
    """
    On a site created before the rule was written down, publish it on "How we rate evidence" (once:
    a page that already states the rule, or that editors have rewritten without the old text, is left alone).
    """
    page = StandardPage.objects.filter(slug="how-we-rate-evidence", show_evidence_scale=True).first()
    if page is None or RULE_MARK in page.body or "describe comparison studies of outcomes" not in page.body:
        return False
    page.introduction, page.body = RATING_RULE_INTRODUCTION, RATING_RULE_HTML
    page.save_revision(log_action=True).publish()
    return True
