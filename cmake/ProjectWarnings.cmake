# Strict warnings for the project's own targets only (system headers stay quiet).
function(ctrail_warnings target)
  target_compile_options(${target} PRIVATE -Wall -Wextra -Werror)
endfunction()
