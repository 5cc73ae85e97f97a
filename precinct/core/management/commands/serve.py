"""`precinct serve`: the production server (gunicorn), with static files served by the app."""

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Serve Precinct with gunicorn (static files included)."

    def add_arguments(self, parser) -> None:
        parser.add_argument("--bind", default="127.0.0.1:8000", help="address:port to listen on")
        parser.add_argument("--workers", type=int, default=3, help="worker processes")
        parser.add_argument("--threads", type=int, default=4, help="threads per worker")
        parser.add_argument("--no-collectstatic", action="store_true", help="skip collecting static files")

    def handle(self, *args, bind: str, workers: int, threads: int, no_collectstatic: bool, **options) -> None:
        from gunicorn.app.base import BaseApplication

        if not no_collectstatic:
            call_command("collectstatic", interactive=False, verbosity=0)

        class Server(BaseApplication):
            def load_config(self) -> None:
                self.cfg.set("bind", bind)
                self.cfg.set("workers", workers)
                self.cfg.set("threads", threads)
                self.cfg.set("accesslog", "-")
                self.cfg.set("timeout", 120)
                # Gunicorn's control socket is one path per user by default: two installations served
                # by one account would answer each other's commands. Each server keeps its own.
                port = bind.rsplit(":", 1)[-1]
                self.cfg.set("control_socket", str(settings.DATA_DIR / f"gunicorn-{port}.ctl"))

            def load(self):
                from precinct.wsgi import application

                return application

        self.stdout.write(f"Precinct serving on http://{bind}/ (data in {settings.DATA_DIR})")
        Server().run()
