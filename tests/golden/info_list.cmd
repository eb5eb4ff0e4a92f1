info relu
info leaky 0.2
info hardswish
list
