def predict(model, x):  # ruleid: AIRMF-INFERENCE-LOGGED
    return model(x)
