# Cross build for Raspberry Pi OS bookworm 64-bit (= Debian 12 arm64) with Debian's multiarch
# packages (they match Raspberry Pi OS bookworm). scripts/build-pi.sh installs them and runs
# the whole build; the `pi` preset uses this file.
#   cmake -S . -B build/pi --toolchain toolchains/aarch64-linux-gnu.cmake -DCMAKE_BUILD_TYPE=Release
set(CMAKE_SYSTEM_NAME Linux)
set(CMAKE_SYSTEM_PROCESSOR aarch64)
set(CMAKE_C_COMPILER aarch64-linux-gnu-gcc)
set(CMAKE_CXX_COMPILER aarch64-linux-gnu-g++)
# Binutils of the target (cpack strips the packaged programs with CMAKE_STRIP).
set(CMAKE_STRIP aarch64-linux-gnu-strip CACHE FILEPATH "strip for aarch64")
# Tuned for the Pi 4 (Cortex-A72). -mcpu=cortex-a72 means ARMv8.0-A + CRC, which the Pi 5's
# Cortex-A76 also runs, so one .deb serves both; never -march=native in a package.
set(CMAKE_C_FLAGS_INIT "-mcpu=cortex-a72")
set(CMAKE_CXX_FLAGS_INIT "-mcpu=cortex-a72")
set(CMAKE_LIBRARY_ARCHITECTURE aarch64-linux-gnu)
set(CMAKE_FIND_ROOT_PATH /usr/aarch64-linux-gnu)
set(CMAKE_FIND_ROOT_PATH_MODE_PROGRAM NEVER)
set(CMAKE_FIND_ROOT_PATH_MODE_LIBRARY BOTH)
set(CMAKE_FIND_ROOT_PATH_MODE_INCLUDE BOTH)
set(CMAKE_FIND_ROOT_PATH_MODE_PACKAGE BOTH)
# pkg-config must see only the arm64 .pc files (imgui.pc, sdl2.pc) and arch-independent ones.
set(ENV{PKG_CONFIG_LIBDIR} "/usr/lib/aarch64-linux-gnu/pkgconfig:/usr/share/pkgconfig")
set(ENV{PKG_CONFIG_PATH} "")
# ARM binaries (tests, the model build step, the headless tour) run under user-mode qemu;
# binfmt_misc is not assumed. No `-L /usr/aarch64-linux-gnu`: the binaries find the arm64
# libraries in /usr/lib/aarch64-linux-gnu through the multiarch loader paths, and -L made a
# GL/EGL start spin forever under qemu (measured on the build machines).
find_program(CTRAIL_QEMU_AARCH64 qemu-aarch64-static)
if(CTRAIL_QEMU_AARCH64)
  set(CMAKE_CROSSCOMPILING_EMULATOR ${CTRAIL_QEMU_AARCH64})
else()
  message(WARNING "qemu-aarch64-static not found (Debian package qemu-user-static): the build "
                  "needs it to run ctrail for the model databases and ctest for the tests")
  set(CMAKE_CROSSCOMPILING_EMULATOR qemu-aarch64-static)
endif()
