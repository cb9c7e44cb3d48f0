import logging  # ok: AIRMF-INFERENCE-LOGGED
logger = logging.getLogger(__name__)
