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
