"""The demo cooperatives `make run` creates in Kabupaten Muara Enim."""

from django.db.models import Count

from cooperatives.demo import demo_cooperatives_ensure
from cooperatives.models import Cooperative
from cooperatives.rules import board_problems, stage_missing
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
    assert [board_problems(list(c.officers.all())) for c in founded] == [[]] * 10
    assert [stage_missing(c, Stage.RAPAT_PENDIRIAN) for c in founded] == [[]] * 10


def test_demo_is_created_once(district_officer):
    assert demo_cooperatives_ensure(officer=district_officer) == 14
    assert demo_cooperatives_ensure(officer=district_officer) == 0
    assert Cooperative.objects.count() == 14
