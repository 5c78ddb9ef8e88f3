# Every dependency comes from a Debian 12 package, found the standard way (scripts/setup.sh
# installs them; docs/ARCHITECTURE.md says which layer uses which).
find_package(Eigen3 3.3 REQUIRED NO_MODULE)
find_package(SQLite3 REQUIRED)
if(CTRAIL_USE_BLAS)
  # Debian's libopenblas-dev (the pthread variant) and liblapacke-dev, for amd64 and arm64.
  find_library(CTRAIL_OPENBLAS_LIBRARY openblas)
  find_library(CTRAIL_LAPACKE_LIBRARY lapacke)
  if(NOT CTRAIL_OPENBLAS_LIBRARY OR NOT CTRAIL_LAPACKE_LIBRARY)
    message(FATAL_ERROR "CTRAIL_USE_BLAS needs OpenBLAS and LAPACKE: install libopenblas-dev "
                        "liblapacke-dev (scripts/setup.sh; for the Pi scripts/build-pi.sh), or "
                        "configure with -DCTRAIL_USE_BLAS=OFF")
  endif()
  add_library(ctrail_blas INTERFACE)
  # Every translation unit that instantiates Eigen must see the same switches: they travel
  # with the engine target (PUBLIC) to everything that links it.
  target_compile_definitions(ctrail_blas INTERFACE EIGEN_USE_BLAS EIGEN_USE_LAPACKE)
  target_link_libraries(ctrail_blas INTERFACE ${CTRAIL_LAPACKE_LIBRARY} ${CTRAIL_OPENBLAS_LIBRARY})
  message(STATUS "Eigen backed by ${CTRAIL_OPENBLAS_LIBRARY} and ${CTRAIL_LAPACKE_LIBRARY}")
endif()
find_package(PkgConfig REQUIRED)
# libsodium-dev: the admin PIN's salted argon2id hash (firmware/admin/admin_pin.hpp).
pkg_check_modules(SODIUM REQUIRED IMPORTED_TARGET libsodium)
if(CTRAIL_BUILD_TESTS)
  find_package(doctest REQUIRED)
endif()
if(CTRAIL_BUILD_UI)
  find_package(SDL2 CONFIG REQUIRED)
  # libimgui-dev 1.86 is a static library described by imgui.pc (Requires: stb).
  pkg_check_modules(IMGUI REQUIRED IMPORTED_TARGET imgui)
endif()
