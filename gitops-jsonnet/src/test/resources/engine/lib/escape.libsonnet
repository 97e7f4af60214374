// A library file must not reach repository files.
import '../../templates/main.jsonnet'
