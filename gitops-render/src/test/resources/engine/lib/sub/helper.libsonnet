{ prefix:: 'hello ' }
