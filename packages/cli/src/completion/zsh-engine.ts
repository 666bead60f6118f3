/**
 * The zsh half of the completion script: a compsys function (zshcompsys(1)) that walks
 * `words` through the embedded tree functions and adds matches with `_describe`, `_files`, `compadd`.
 * @module
 */

/**
 * The zsh functions for completion function `fn` (`_mailpat`), which call the tree functions
 * `<fn>_node`, `<fn>_child`, `<fn>_opt` and `<fn>_arg` (emitted with descriptions).
 */
export function zshEngine(fn: string): string {
  return `# Adds the option flags of the current command not given yet, with their descriptions.
${fn}_options() {
  local k
  local -a items
  ${fn}_node $node
  for (( k = 1; k <= $#opts; k++ )); do
    [[ -n \${keys[k]} && $given == *" \${keys[k]} "* ]] && continue
    items+=("\${optd[k]}")
  done
  (( $#items )) && _describe -t options option items
}

# Adds the values of the option or argument described by vkind/vname/vals.
${fn}_value() {
  local expl
  case $vkind in
    choice) _wanted values expl "$vname" compadd -- "\${vals[@]}" ;;
    file) _files ;;
    dir) _files -/ ;;
    json)
      # The aws CLI reads any JSON parameter from file://PATH (fileb:// for binary).
      if compset -P 'file(b|)://'; then
        _files
      else
        _wanted values expl "$vname" compadd -S '' -- 'file://'
      fi ;;
    *) _message -e values "$vname" ;;
  esac
}

# No \`emulate -L zsh\`: compsys runs completion functions with its own options
# (extendedglob...), and _describe and _files depend on them.
${fn}() {
  local cur=$PREFIX node=0 argi=0 i=2 w given=' ' endopts=0 want='' wantopt=''
  local child arity key vkind vname
  local -a vals subs opts keys subd optd
  while (( i < CURRENT )); do
    w=\${words[i]}; (( i++ ))
    # want: the last option still takes one value, maybe one (optional) or many (variadic).
    if [[ $want == one ]] || [[ -n $want && $w != -?* ]]; then
      [[ $want != many ]] && want=''
      continue
    fi
    want=''
    if (( endopts )); then (( argi++ )); continue; fi
    case $w in
      --) endopts=1 ;;
      --*=*) ${fn}_opt "$node \${w%%=*}" && given+="$key " ;;
      -?*)
        if ${fn}_opt "$node $w"; then
          given+="$key "; wantopt="$node $w"
          case $arity in required) want=one ;; optional) want=maybe ;; variadic) want=many ;; esac
        elif [[ $w == -[^-]?* ]] && ${fn}_opt "$node \${w[1,2]}"; then
          given+="$key "
        fi ;;
      *)
        if ${fn}_child "$node $w"; then node=$child; argi=0; else (( argi++ )); fi ;;
    esac
  done
  if [[ $want == one ]] || [[ -n $want && $cur != -* ]]; then
    ${fn}_opt "$wantopt"; ${fn}_value
  elif (( ! endopts )) && [[ $cur == --*=* ]]; then
    ${fn}_opt "$node \${cur%%=*}" && [[ $arity != none ]] && compset -P 1 '*=' && ${fn}_value
  elif (( ! endopts )) && [[ $cur == -* ]]; then
    ${fn}_options
  else
    ${fn}_node $node
    if (( ! endopts && $#subs )); then
      _describe -t commands command subd
    elif ${fn}_arg "$node $argi"; then
      ${fn}_value
    elif (( ! endopts )) && [[ -z $cur ]]; then
      # Nothing positional is left: the options are all that can come next.
      ${fn}_options
    fi
  fi
}
`;
}
