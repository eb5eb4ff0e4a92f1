relu at 1
reluu
