"""A Celery worker's main process prepares what its children inherit when they are forked."""

import gc

from celery.signals import worker_init

from config.celery import worker_prepare


def test_worker_main_process_warms_the_renderer_and_freezes_start_up_objects(monkeypatch):
    import documents.pdf

    rendered = []
    render = documents.pdf.html_to_pdf
    monkeypatch.setattr(
        documents.pdf, "html_to_pdf", lambda html, **kw: rendered.append(render(html, **kw))
    )
    assert any(receiver() is worker_prepare for _key, receiver in worker_init.receivers)
    try:
        worker_prepare()
        assert gc.get_freeze_count() > 10_000
    finally:
        gc.unfreeze()
    assert rendered[0].startswith(b"%PDF")
