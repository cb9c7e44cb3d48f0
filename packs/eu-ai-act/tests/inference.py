def predict(model, x):  # ruleid: EUAI-INFERENCE-LOGGED
    return model(x)
