from django.apps import AppConfig


class YouthConfig(AppConfig):
    name = "youth"
