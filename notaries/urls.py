from django.urls import path

from notaries import views

app_name = "notaries"

urlpatterns = [
    path("", views.home, name="home"),
]
