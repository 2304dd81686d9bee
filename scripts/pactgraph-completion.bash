# Bash completion for pactgraph (docs/cli.md).
# Install: source this file from ~/.bashrc, or copy it to
# /usr/share/bash-completion/completions/pactgraph.

_pactgraph() {
  local cur prev cmd i
  COMPREPLY=()
  cur="${COMP_WORDS[COMP_CWORD]}"
  prev="${COMP_WORDS[COMP_CWORD-1]}"
  local commands="import export stats node query extract ingest evidence path algo bench check repl"
  local global_opts="--db -q --quiet --sync --read-only -k --keep-going --help --version"

  # The first word that is a command (skipping global options and their values).
  cmd=""
  for ((i = 1; i < COMP_CWORD; i++)); do
    case "${COMP_WORDS[i]}" in
      --db) ((i++)) ;;
      -*) ;;
      *) cmd="${COMP_WORDS[i]}"; break ;;
    esac
  done

  # Option values.
  case "$prev" in
    --db|--out|--corpus)
      COMPREPLY=($(compgen -d -- "$cur")); return ;;
    --nodes|--edges|--json|--rules|-f|--file|--svg)
      COMPREPLY=($(compgen -f -- "$cur")); return ;;
    --format)
      case "$cmd" in
        query|repl) COMPREPLY=($(compgen -W "table json jsonl csv markdown" -- "$cur")) ;;
        export) COMPREPLY=($(compgen -W "json csv graphml dot" -- "$cur")) ;;
        path) COMPREPLY=($(compgen -W "table json dot" -- "$cur")) ;;
        algo) COMPREPLY=($(compgen -W "table json csv" -- "$cur")) ;;
        *) COMPREPLY=($(compgen -W "table json" -- "$cur")) ;;
      esac
      return ;;
    --direction) COMPREPLY=($(compgen -W "out in both" -- "$cur")); return ;;
    --size) COMPREPLY=($(compgen -W "S M L" -- "$cur")); return ;;
  esac

  if [[ -z "$cmd" ]]; then
    if [[ "$cur" == -* ]]; then
      COMPREPLY=($(compgen -W "$global_opts" -- "$cur"))
    else
      COMPREPLY=($(compgen -W "$commands" -- "$cur"))
    fi
    return
  fi

  local opts=""
  case "$cmd" in
    import) opts="--nodes --edges --json" ;;
    export) opts="--format --out" ;;
    stats) opts="--format" ;;
    node) opts="--format --limit" ;;
    query) opts="-f --file --param --format --timeout-ms --max-depth" ;;
    extract) opts="--format --rules --max-bytes" ;;
    ingest) opts="--rules --max-bytes" ;;
    evidence) opts="--format" ;;
    path) opts="--types --labels --avoid --max-hops --weighted --k --all --limit --since --until
                --directed --explain --format --svg" ;;
    algo)
      opts="--types --labels --since --until --directed --direction --damping --iterations
            --tolerance --samples --normalized --seed --limit --format"
      if [[ "$cur" != -* ]]; then
        COMPREPLY=($(compgen -W "degree wcc scc pagerank betweenness community kcore" -- "$cur"))
        return
      fi ;;
    bench)
      if [[ "$cur" != -* && "$prev" == bench ]]; then
        COMPREPLY=($(compgen -W "generate run" -- "$cur"))
        return
      fi
      opts="--size --seed --out --repeat --format --corpus" ;;
    check) opts="" ;;
    repl) opts="--format -k --keep-going --no-rc --timeout-ms --max-rows" ;;
  esac
  if [[ "$cur" == -* ]]; then
    COMPREPLY=($(compgen -W "$opts --help" -- "$cur"))
  else
    case "$cmd" in
      ingest|extract|query) COMPREPLY=($(compgen -f -- "$cur")) ;;
    esac
  fi
}
complete -o filenames -o bashdefault -F _pactgraph pactgraph
