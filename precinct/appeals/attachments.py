"""What an application may carry: documents and images up to a size, recognised by their first bytes
rather than by the name or type the sender claims."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

# leading bytes → content type
SIGNATURES = {
    b"%PDF-": "application/pdf",
    b"\xff\xd8\xff": "image/jpeg",
    b"\x89PNG\r\n\x1a\n": "image/png",
}
ALLOWED = {".pdf", ".jpg", ".jpeg", ".png"}


def content_type(upload) -> str:
    """The file's type, or a ValidationError that names the file and why it is refused."""
    name = upload.name
    limit = settings.APPEALS_MAX_ATTACHMENT_BYTES
    if upload.size > limit:
        raise ValidationError(
            {
                "attachments": [
                    _("“%(name)s” is larger than the %(mb)s MB allowed.")
                    % {"name": name, "mb": limit // 2**20}
                ]
            }
        )
    head = upload.read(16)
    upload.seek(0)
    extension = "." + name.rsplit(".", 1)[-1].lower() if "." in name else ""
    found = next((kind for signature, kind in SIGNATURES.items() if head.startswith(signature)), None)
    if found is None or extension not in ALLOWED:
        raise ValidationError(
            {"attachments": [_("“%(name)s” is not a PDF, JPEG or PNG file.") % {"name": name}]}
        )
    return found
