# Sourced by the e2e scripts: builds the e2e module and what it depends on from THIS checkout, and
# sets E2E_CP to a class path of their freshly built jars (the reactor's, never ~/.m2's, which another
# checkout may have overwritten) plus the third-party libraries. Needs braid_find_jdk first.
braid_e2e_classpath() {
  local cp_file
  cp_file=$(mktemp)
  ./mvnw -B -ntp -q -pl e2e -am -DskipTests package dependency:build-classpath \
    -Dmdep.outputFile="$cp_file" -Dmdep.includeScope=runtime >/dev/null
  E2E_CP="e2e/target/classes:$(cat "$cp_file")"
  rm -f "$cp_file"
  export E2E_CP
}
