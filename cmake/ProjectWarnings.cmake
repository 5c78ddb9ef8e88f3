# Strict warnings for the project's own targets only (system headers stay quiet).
function(ctrail_warnings target)
  target_compile_options(${target} PRIVATE -Wall -Wextra -Werror)
  # GCC 12's -Wrestrict misfires on `"literal" + std::string` at -O2 (GCC bug 105329); for
  # aarch64 at -O3 its -Wuse-after-free misfires inside Eigen's aligned_free and its
  # -Wstringop-overread on comparing two std::vector<char> (the pi build). ASan checks both
  # for real in its own build.
  if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU" AND CMAKE_CXX_COMPILER_VERSION VERSION_LESS 13)
    target_compile_options(${target} PRIVATE -Wno-restrict)
    if(CMAKE_CROSSCOMPILING)
      target_compile_options(${target} PRIVATE -Wno-use-after-free -Wno-stringop-overread)
    endif()
  endif()
  # With AddressSanitizer's instrumentation, GCC 12 reports std::regex's and std::function's
  # internals as "maybe uninitialized" (false positives, GCC bug 105562); ASan and UBSan check
  # the real thing at run time in that build.
  if(CTRAIL_SANITIZE AND CMAKE_CXX_COMPILER_ID STREQUAL "GNU")
    target_compile_options(${target} PRIVATE -Wno-maybe-uninitialized)
  endif()
endfunction()
