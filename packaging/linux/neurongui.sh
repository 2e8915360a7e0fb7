#!/bin/sh
# Start NeuronGUI, installed in /opt/neurongui by the neurongui package.
exec /opt/neurongui/neurongui "$@"
