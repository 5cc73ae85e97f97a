from precinct.core.forms import ScopedModelForm
from precinct.traffic.models import Accident, Device


class AccidentForm(ScopedModelForm):
    class Meta:
        model = Accident
        fields = [
            "occurred_at", "body", "road", "place", "latitude", "longitude", "vehicles", "killed", "injured",
            "cause", "other_causes",
        ]  # fmt: skip


class DeviceForm(ScopedModelForm):
    class Meta:
        model = Device
        fields = ["code", "kind", "body", "place", "latitude", "longitude", "installed_on", "in_service"]
