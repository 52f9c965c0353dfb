import factory

from registry.models import Role, User

PASSWORD = "kata-sandi-uji-123"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"pengguna{n}")
    first_name = factory.Faker("first_name", locale="id_ID")
    last_name = factory.Faker("last_name", locale="id_ID")
    role = Role.DISTRICT_OFFICER
    region_id = "16.03"
    # As the services set them: only national admins enter the Django admin.
    is_staff = factory.LazyAttribute(lambda o: o.role == Role.NATIONAL_ADMIN)
    is_superuser = factory.LazyAttribute(lambda o: o.role == Role.NATIONAL_ADMIN)
    password = factory.PostGenerationMethodCall("set_password", PASSWORD)

    @factory.post_generation
    def save_password(obj, create, extracted, **kwargs):
        if create:
            obj.save(update_fields=["password"])


# --- cooperatives -------------------------------------------------------------------------------------------------

import datetime as dt  # noqa: E402

from django.core.files.uploadedfile import SimpleUploadedFile  # noqa: E402

from cooperatives.choices import CooperativeKind, Pattern  # noqa: E402
from cooperatives.models import Cooperative, FoundingMember  # noqa: E402
from cooperatives.nik import compose_nik  # noqa: E402

EMBAWANG = "16.03.01.2011"  # a desa in Kecamatan Tanjung Agung, Kabupaten Muara Enim
LAHAT_VILLAGE = "16.04.01.2001"


def make_nik(*, regency: str = "16.03", kecamatan: str = "01", birth=dt.date(1985, 5, 12), gender="L", serial=1) -> str:
    """A structurally valid NIK: PP KK CC DDMMYY SSSS, 40 added to the day for women."""
    return compose_nik(kecamatan_code=f"{regency}.{kecamatan}", birth=birth, gender=gender, serial=serial)


def nik_candidates(*, kecamatan_code: str, year: int, gender: str, serial: int) -> set[str]:
    """Every NIK consistent with a kecamatan, a birth year, a gender and a serial: what someone who knows those
    still has to guess from (one birth date a day of that year)."""
    first = dt.date(year, 1, 1)
    days = (dt.date(year + 1, 1, 1) - first).days
    return {
        compose_nik(kecamatan_code=kecamatan_code, birth=first + dt.timedelta(days=n), gender=gender, serial=serial)
        for n in range(days)
    }


def pdf_file(name: str = "berita-acara.pdf", size: int = 2048) -> SimpleUploadedFile:
    body = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj<<>>endobj\n" + b"0" * max(0, size - 64) + b"\n%%EOF\n"
    return SimpleUploadedFile(name, body, content_type="application/pdf")


class CooperativeFactory(factory.django.DjangoModelFactory):
    """A bare cooperative row for arranging tests. Behaviour under test goes through the services."""

    class Meta:
        model = Cooperative

    village_id = EMBAWANG
    kind = CooperativeKind.KDMP
    name = factory.LazyAttribute(lambda o: f"Koperasi Desa Merah Putih {o.village_id}")
    pattern = Pattern.PENDIRIAN_BARU


class FoundingMemberFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = FoundingMember

    cooperative = factory.SubFactory(CooperativeFactory)
    nik = factory.Sequence(lambda n: make_nik(serial=n + 1))
    full_name = factory.Faker("name", locale="id_ID")
    birth_place = "Muara Enim"
    birth_date = dt.date(1985, 5, 12)
    gender = "L"
    address = factory.Sequence(lambda n: f"Jl. Merdeka No. {n + 1}")
    rt = "001"
    rw = "002"
