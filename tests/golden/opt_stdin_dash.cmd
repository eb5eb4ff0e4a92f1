relu at 1
reluu at 1
