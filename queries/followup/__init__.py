"""Follow-up: goals, focus areas and initiatives with no indicator, and indicators nothing uses."""

from kraftgraf.queries.registry import Question, ReportPart

QUESTION = Question(
    name="followup",
    help="Goals, focus areas and initiatives no public indicator follows, and indicators nothing uses.",
    answer="kraftgraf.queries.followup.answer:sections",
    sections={"unfollowed": ("kind", "code", "label", "status"),
              "followed": ("kind", "code", "label", "indicators"),
              "unused": ("id", "label", "publisher", "identifier")},
    rank=40,
    report=(ReportPart("Uppföljning: vad planen kan följas upp med"),),
)
