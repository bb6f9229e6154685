# The web image: Python 3.11 slim, the project installed, gunicorn as a non-root user.
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1

WORKDIR /app
RUN groupadd --system archive && useradd --system --gid archive --home /app archive

COPY pyproject.toml README.md ./
COPY briefings ./briefings
COPY archive_site ./archive_site
RUN pip install --no-cache-dir .

COPY manage.py ./
COPY templates ./templates
COPY static ./static
COPY seeds ./seeds

# collectstatic needs settings but no database or real secret.
RUN DJANGO_SECRET_KEY=build-only DJANGO_DEBUG=0 python manage.py collectstatic --noinput \
    && mkdir -p /app/var && chown -R archive:archive /app/var

USER archive
EXPOSE 8000
HEALTHCHECK --interval=30s --timeout=5s CMD python -c "import urllib.request; urllib.request.urlopen('http://127.0.0.1:8000/healthz')"
CMD ["gunicorn", "-c", "python:archive_site.gunicorn_conf", "archive_site.wsgi"]
