# syntax=docker/dockerfile:1
# pagesplit: `docker build -t pagesplit .`, then `docker run pagesplit run --help`.
# Dependencies come from uv.lock only; the build stage compiles the C
# extensions (service/extract/*.pyx); the final image holds the interpreter and
# one virtualenv, no compilers, no uv, no caches. It runs as a non-root user and
# writes nothing outside $TMPDIR (/tmp), so it works with a read-only root
# filesystem once /tmp is a writable mount (the forkserver of the splitting
# processes keeps its socket there).

ARG PYTHON_IMAGE=python:3.11-slim-bookworm

FROM ${PYTHON_IMAGE} AS build
ARG UV_VERSION=0.13.9
ENV UV_COMPILE_BYTECODE=1 \
    UV_LINK_MODE=copy \
    UV_NO_CACHE=1 \
    UV_PYTHON_DOWNLOADS=never \
    UV_PYTHON=/usr/local/bin/python3.11 \
    UV_PROJECT_ENVIRONMENT=/app/.venv
# The compiler for the extensions: the distribution's, in this stage alone.
# hadolint ignore=DL3008
RUN apt-get update \
    && apt-get install -y --no-install-recommends gcc libc6-dev \
    && rm -rf /var/lib/apt/lists/*
RUN pip install --no-cache-dir --disable-pip-version-check uv==${UV_VERSION}
WORKDIR /src
# Dependencies first: this layer is rebuilt only when the lock changes.
COPY pyproject.toml uv.lock README.md ./
RUN uv sync --frozen --no-dev --no-install-project
# Then the service itself, built (setuptools and Cython, fetched for the build) and
# installed as a wheel (not editable) into the same venv.
COPY setup.py ./
COPY service ./service
RUN uv sync --frozen --no-dev --no-editable

FROM ${PYTHON_IMAGE}
RUN groupadd --system --gid 10001 pagesplit \
    && useradd --system --uid 10001 --gid pagesplit --no-create-home \
       --home-dir /nonexistent --shell /usr/sbin/nologin pagesplit
COPY --from=build /app/.venv /app/.venv
ENV PATH=/app/.venv/bin:$PATH \
    PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    TMPDIR=/tmp
USER 10001:10001
WORKDIR /tmp
# /metrics, /healthz and /readyz (PAGESPLIT_HTTP_PORT).
EXPOSE 8080
# The service drains on SIGTERM; exec form so that it is PID 1 and gets the signal.
STOPSIGNAL SIGTERM
ENTRYPOINT ["pagesplit"]
CMD ["run"]
