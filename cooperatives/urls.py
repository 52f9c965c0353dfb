from django.urls import path

app_name = "cooperatives"

urlpatterns: list = []
