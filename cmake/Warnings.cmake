function(cg_set_warnings target)
  target_compile_options(${target} PRIVATE -Wall -Wextra -Wshadow -Wstrict-prototypes
    -Wmissing-prototypes -Wformat=2 -Wvla)
  if(CG_WERROR)
    target_compile_options(${target} PRIVATE -Werror)
  endif()
endfunction()
