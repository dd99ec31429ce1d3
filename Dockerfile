# One image for api, worker and beat; docker-compose.yml picks the command.
FROM python:3.11-slim-bookworm

ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 PIP_NO_CACHE_DIR=1
WORKDIR /app

# The system packages the engine needs: Pango for WeasyPrint, the fonts our outputs use.
COPY scripts/install-system-packages.sh scripts/
RUN bash scripts/install-system-packages.sh && rm -rf /var/lib/apt/lists/*

COPY pyproject.toml setup.py README.md ./
COPY service service
COPY workers workers
RUN pip install .

RUN useradd --system --uid 10001 --home-dir /app accessible-formats \
    && mkdir -p /data/storage && chown -R accessible-formats /data
USER accessible-formats
ENV AF_STORAGE_DIR=/data/storage AF_API_HOST=0.0.0.0
EXPOSE 8000
CMD ["accessible-formats", "api"]
