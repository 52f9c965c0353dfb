"""The demo cooperatives `make run` creates in Kabupaten Muara Enim."""

from django.db.models import Count

from cooperatives import rules, selectors
from cooperatives.data import FounderData
from cooperatives.demo import demo_cooperatives_ensure
from cooperatives.models import Cooperative
from registry.stages import STAGE_ORDER, Stage, stage_index


def test_demo_has_two_cooperatives_at_every_stage_in_muara_enim(district_officer):
    demo_cooperatives_ensure(officer=district_officer)
    by_stage = dict(Cooperative.objects.values_list("stage").annotate(n=Count("id")))
    assert by_stage == {stage.value: 2 for stage in STAGE_ORDER}
    assert not Cooperative.objects.exclude(village__code__startswith="16.03.").exists()


def test_demo_cooperatives_past_the_founding_meeting_have_nine_founders_and_a_complete_board(district_officer):
    demo_cooperatives_ensure(officer=district_officer)
    founded = [
        c
        for c in Cooperative.objects.prefetch_related("members", "officers", "meetings")
        if stage_index(c.stage) >= stage_index(Stage.RAPAT_PENDIRIAN)
    ]
    assert len(founded) == 10
    assert {len(c.members.all()) for c in founded} == {9}
    assert [rules.board_problems(list(c.officers.all())) for c in founded] == [[]] * 10
    assert [rules.stage_missing(c, Stage.RAPAT_PENDIRIAN) for c in founded] == [[]] * 10


def test_demo_is_created_once(district_officer):
    assert demo_cooperatives_ensure(officer=district_officer) == 14
    assert demo_cooperatives_ensure(officer=district_officer) == 0
    assert Cooperative.objects.count() == 14


def test_every_demo_founder_passes_every_rule_they_would_face_if_typed_by_hand(district_officer):
    """The demo adds founders before the founding meeting, as officers do: re-check each on the founding date."""
    demo_cooperatives_ensure(officer=district_officer)
    checked = 0
    for coop in Cooperative.objects.prefetch_related("members", "meetings"):
        context = selectors.founder_context(coop, niks=[m.nik for m in coop.members.all()])
        for member in coop.members.all():
            check = rules.founder_problems(FounderData.of(member), context, member_id=member.pk)
            assert (member.full_name, [p.message for p in check.errors]) == (member.full_name, [])
            checked += 1
    assert checked == 10 * 9
