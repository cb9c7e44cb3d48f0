import logging  # ok: EUAI-INFERENCE-LOGGED
logger = logging.getLogger(__name__)
