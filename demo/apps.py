from django.apps import AppConfig


class DemoConfig(AppConfig):
    """Demo data (`seed_demo`, `demo_signins`), the national-scale data set and the
    benchmarks. Product code never imports it."""

    name = "demo"
