from django.contrib import admin

from precinct.core.admin import AuditedAdmin
from precinct.crimes.models import Article, Category


@admin.register(Category)
class CategoryAdmin(AuditedAdmin):
    list_display = ["code", "name_en", "name_az", "name_ru"]


@admin.register(Article)
class ArticleAdmin(AuditedAdmin):
    list_display = ["code", "name_en", "category", "gravity"]
    list_filter = ["category", "gravity"]
    search_fields = ["code", "name_en", "name_az", "name_ru"]
