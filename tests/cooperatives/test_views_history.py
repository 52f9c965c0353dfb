"""The history tab: who changed what, with the fields named as the forms name them."""

import datetime as dt

from cooperatives import services
from tests.cooperatives.builders import register


def test_history_names_the_changed_fields_by_their_labels_and_the_officer(client, district_officer):
    coop = register(district_officer)
    services.cooperative_update(
        actor=district_officer,
        cooperative=coop,
        expected_version=coop.version,
        sk_ahu_number="AHU-0001.AH.01.29.TAHUN 2025",
        sk_ahu_date=dt.date(2025, 7, 18),
    )
    client.force_login(district_officer)
    html = client.get(f"/koperasi/{coop.pk}/riwayat/").content.decode()
    assert "nomor SK AHU, tanggal SK AHU" in html
    assert "sk_ahu_number" not in html
    assert district_officer.get_full_name() in html
