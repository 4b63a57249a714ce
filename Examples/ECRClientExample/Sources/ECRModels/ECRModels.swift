/// The ECR models, written into this folder by the SpecGen command plugin (`Models.swift`, not
/// committed in this example; a real project commits it and checks it in CI with `--check`).
public enum ECRModels {}
