from django.urls import path

from precinct.accounts import views

app_name = "accounts"
urlpatterns = [
    path("", views.account, name="account"),
    path("tokens/<int:pk>/revoke/", views.revoke, name="token-revoke"),
    path("second-factor/setup/", views.mfa_setup, name="mfa-setup"),
    path("second-factor/", views.mfa_verify, name="mfa-verify"),
    path("recovery-codes/", views.mfa_new_codes, name="mfa-new-codes"),
]
