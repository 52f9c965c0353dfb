from registry.stages import Stage
from tests.cooperatives.builders import founded


def test_builder_reaches_the_founding_meeting_stage(district_officer):
    coop = founded(district_officer)
    assert coop.stage == Stage.RAPAT_PENDIRIAN
    assert coop.transitions.count() == 2
