/**
 * The bash half of the completion script: a function that walks the words typed so far
 * through the embedded tree functions and fills COMPREPLY (bash manual, "Programmable Completion").
 * @module
 */

/**
 * The bash functions for completion function `fn` (`_mailpat`), which call the tree functions
 * `<fn>_node`, `<fn>_child`, `<fn>_opt` and `<fn>_arg`. Works with bash 4 and later.
 */
export function bashEngine(fn: string): string {
  return `# Rebuilds the words bash split at COMP_WORDBREAKS (\`--output=json\`, \`file://x\` come in
# three pieces) from COMP_LINE, and cuts the current word at the cursor.
${fn}_words() {
  local rest=$COMP_LINE trimmed word i j=-1 pos=0 gap start
  words=(); starts=(); cword=0
  for (( i = 0; i < \${#COMP_WORDS[@]}; i++ )); do
    word=\${COMP_WORDS[i]}
    trimmed=\${rest#"\${rest%%[![:space:]]*}"}
    gap=$(( \${#rest} - \${#trimmed} ))
    pos=$(( pos + gap ))
    rest=\${trimmed:\${#word}}
    if (( j >= 0 && gap == 0 )); then
      words[j]+=$word
    else
      j=$(( j + 1 )); words[j]=$word; starts[j]=$pos
    fi
    if (( i == COMP_CWORD )); then cword=$j; fi
    pos=$(( pos + \${#word} ))
  done
  start=\${starts[cword]:-0}
  if (( COMP_POINT >= start && COMP_POINT < start + \${#words[cword]} )); then
    words[cword]=\${words[cword]:0:COMP_POINT-start}
  fi
}

# Adds each argument that starts with the current word.
${fn}_add() {
  local c
  for c in "$@"; do
    if [[ $c == "$cur"* ]]; then COMPREPLY+=("$c"); fi
  done
}

# Adds the option flags of the current command not given yet.
${fn}_options() {
  local k
  ${fn}_node "$node"
  for (( k = 0; k < \${#opts[@]}; k++ )); do
    if [[ -n \${keys[k]} && $given == *" \${keys[k]} "* ]]; then continue; fi
    if [[ \${opts[k]} == "$cur"* ]]; then COMPREPLY+=("\${opts[k]}"); fi
  done
}

# Adds the values of the option or argument described by vkind/vals; $1 is the text of the
# current word before the value (\`--output=\`), kept so every candidate is a whole word.
${fn}_value() {
  local pre=$1 val=\${cur:\${#1}} c
  case $vkind in
    choice)
      for c in "\${vals[@]}"; do
        if [[ $c == "$val"* ]]; then COMPREPLY+=("$pre$c"); fi
      done ;;
    file) ${fn}_files "$pre" "$val" -f ;;
    dir) ${fn}_files "$pre" "$val" -d ;;
    json)
      # The aws CLI reads any JSON parameter from file://PATH (fileb:// for binary).
      if [[ $val == file://* || $val == fileb://* ]]; then
        ${fn}_files "$pre\${val%%://*}://" "\${val#*://}" -f
      elif [[ file:// == "$val"* ]]; then
        COMPREPLY+=("\${pre}file://"); compopt -o nospace 2>/dev/null
      fi ;;
  esac
}

# Adds file (-f) or directory (-d) names completing $2, each after the prefix $1.
${fn}_files() {
  local f
  if [[ $1 == "$strip" ]]; then
    # The path is all readline replaces: let it quote the names and mark directories.
    compopt -o filenames 2>/dev/null
    while IFS= read -r f; do COMPREPLY+=("$1$f"); done < <(compgen "$3" -- "$2")
  else
    # A prefix such as file:// stays in the replaced text, so directories are marked here.
    while IFS= read -r f; do
      if [[ -d $f ]]; then
        COMPREPLY+=("$1$f/"); compopt -o nospace 2>/dev/null
      else
        COMPREPLY+=("$1$f")
      fi
    done < <(compgen "$3" -- "$2")
  fi
}

${fn}() {
  local -a words=() starts=() vals=() subs=() opts=() keys=()
  local cword=0 cur strip='' breaks='' node=0 argi=0 i=1 w given=' ' endopts=0
  local want='' wantopt='' child arity key vkind vname k
  COMPREPLY=()
  ${fn}_words
  cur=\${words[cword]}
  # Readline replaces only the text after the last word-break character; strip is what comes before.
  if [[ $COMP_WORDBREAKS == *=* ]]; then breaks+='='; fi
  if [[ $COMP_WORDBREAKS == *:* ]]; then breaks+=':'; fi
  if [[ -n $breaks && $cur == *[$breaks]* ]]; then strip=\${cur%"\${cur##*[$breaks]}"}; fi
  while (( i < cword )); do
    w=\${words[i]}; i=$(( i + 1 ))
    # want: the last option still takes one value, maybe one (optional) or many (variadic).
    if [[ $want == one ]] || [[ -n $want && $w != -?* ]]; then
      if [[ $want != many ]]; then want=''; fi
      continue
    fi
    want=''
    if (( endopts )); then argi=$(( argi + 1 )); continue; fi
    case $w in
      --) endopts=1 ;;
      --*=*) if ${fn}_opt "$node \${w%%=*}"; then given+="$key "; fi ;;
      -?*)
        if ${fn}_opt "$node $w"; then
          given+="$key "; wantopt="$node $w"
          case $arity in required) want=one ;; optional) want=maybe ;; variadic) want=many ;; esac
        elif [[ $w == -[!-]?* ]] && ${fn}_opt "$node \${w:0:2}"; then
          given+="$key "
        fi ;;
      *)
        if ${fn}_child "$node $w"; then node=$child; argi=0; else argi=$(( argi + 1 )); fi ;;
    esac
  done
  if [[ $want == one ]] || [[ -n $want && $cur != -* ]]; then
    ${fn}_opt "$wantopt"; ${fn}_value ''
  elif (( ! endopts )) && [[ $cur == --*=* ]]; then
    if ${fn}_opt "$node \${cur%%=*}" && [[ $arity != none ]]; then ${fn}_value "\${cur%%=*}="; fi
  elif (( ! endopts )) && [[ $cur == -* ]]; then
    ${fn}_options
  else
    ${fn}_node "$node"
    if (( ! endopts && \${#subs[@]} > 0 )); then
      ${fn}_add "\${subs[@]}"
    elif ${fn}_arg "$node $argi"; then
      ${fn}_value ''
    elif (( ! endopts )) && [[ -z $cur ]]; then
      # Nothing positional is left: the options are all that can come next.
      ${fn}_options
    fi
  fi
  if [[ -n $strip ]]; then
    for k in "\${!COMPREPLY[@]}"; do COMPREPLY[k]=\${COMPREPLY[k]#"$strip"}; done
  fi
  return 0
}
`;
}
