# Sourced by scripts that try SpecGen as a user gets it (scripts/test-readme, scripts/check-dependencies).
# clone_head ROOT DEST: a file:// git clone of ROOT's committed HEAD at DEST, tagged 1.0.0 and with a
# `main` branch, so that a new package can name it by URL as a user would (`from: "1.0.0"` or
# `branch: "main"`). Uncommitted changes are not in it: commit before running such a script.
clone_head() {
    local root=$1 dest=$2
    rm -rf "$dest"
    git clone --quiet "file://$root" "$dest"
    git -C "$dest" checkout --quiet -B main
    git -C "$dest" tag 1.0.0
}
