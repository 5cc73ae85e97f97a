"""The organisation's admin gives access only through roles and reach."""

from precinct.conftest import client_for


def test_no_grant_exists_outside_roles_and_reach(administrator):
    """Django's groups and permissions grant nothing here: the admin offers neither, so no access can be
    given or taken away there without the audited role and reach."""
    admin = client_for(administrator)
    assert admin.get("/admin/auth/group/").status_code == 404
    page = admin.get(f"/admin/organisation/user/{administrator.pk}/change/").content.decode()
    assert 'name="reach"' in page and 'name="groups"' not in page and 'name="user_permissions"' not in page
