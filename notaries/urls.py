from django.urls import path

from notaries.views import deeds, directory, home, notifications, tokens

app_name = "notaries"

urlpatterns = [
    path("", home.home, name="home"),
    path("koperasi/<int:pk>/", deeds.cooperative, name="cooperative"),
    path("koperasi/<int:pk>/pendiri/", deeds.founders, name="founders"),
    path("koperasi/<int:pk>/tunjuk/", directory.assign, name="assign"),
    path("akta/", deeds.deed_list, name="deeds"),
    path("akta/<int:pk>/", deeds.deed, name="deed"),
    path("akta/<int:pk>/putusan/", deeds.deed_decide, name="deed_decide"),
    path("akta/<int:pk>/perbaikan/", deeds.deed_correct, name="deed_correct"),
    path("akta/<int:pk>/berkas/", deeds.deed_file, name="deed_file"),
    path("direktori/", directory.directory, name="directory"),
    path("notifikasi/", notifications.notifications, name="notifications"),
    path("notifikasi/dibaca/", notifications.notifications_read, name="notifications_read"),
    path("token/", tokens.tokens, name="tokens"),
    path("token/<int:pk>/cabut/", tokens.token_revoke, name="token_revoke"),
]
