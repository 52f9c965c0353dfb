from registry.models import Region


def test_session_database_holds_the_region_master(db):
    assert Region.objects.filter(code="16.03").exists()
