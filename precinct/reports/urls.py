from django.urls import path

from precinct.reports import views

app_name = "reports"

urlpatterns = [
    path("board/", views.board, name="board"),
    path("records/", views.records, name="records"),
    path("press/", views.press, name="press"),
]
